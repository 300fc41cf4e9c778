// `npm run deploy:check` (CI): `wrangler deploy --dry-run` bundles the Worker as a deploy would, without uploading;
// then its gzipped size is printed against Cloudflare's limits, and the check fails past the Free plan's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, ".wrangler", "dry-run");
const FREE_LIMIT = 3 * 1024 * 1024;
const PAID_LIMIT = 10 * 1024 * 1024;

const run = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const bundle = fs.readFileSync(path.join(outdir, "index.js"));
const gzipped = zlib.gzipSync(bundle).length;
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `Worker bundle: ${kib(bundle.length)}, ${kib(gzipped)} gzipped — ` +
    `${((gzipped / FREE_LIMIT) * 100).toFixed(0)} % of the Free plan's 3 MiB, ` +
    `${((gzipped / PAID_LIMIT) * 100).toFixed(0)} % of the Paid plan's 10 MiB.`,
);
if (gzipped > FREE_LIMIT) {
  console.error("The Worker is over the Free plan's limit.");
  process.exit(1);
}
