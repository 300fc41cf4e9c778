/**
 * The bench's Worker (bench/worker/index.ts: the production Worker plus the bench-only routes) as it is when the
 * bench starts: bundled once into .wrangler/bench-build with a config of its own.
 * `wrangler dev` reloads the Worker whenever a source file changes, which in a tree being edited would kill the
 * bench's WebSockets and disturb its timings; the snapshot (bundle and static assets, which a `vite build` would
 * replace) does not change while the bench runs.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The bench's entry, in place of wrangler.toml's `main` (the production entry, which has no bench routes). */
const ENTRY = "bench/worker/index.ts";

export function snapshotConfig(root: string): string {
  const outdir = path.join(root, ".wrangler", "bench-build");
  rmSync(outdir, { recursive: true, force: true });
  execFileSync("npx", ["wrangler", "deploy", ENTRY, "--dry-run", "--outdir", outdir], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  const config = readFileSync(path.join(root, "wrangler.toml"), "utf8")
    .replace(/^main = .*$/m, `main = ${JSON.stringify(path.join(outdir, "index.js"))}\nno_bundle = true`)
    .replace(/^directory = "(.*)"$/m, (_, dir: string) => {
      cpSync(path.join(root, dir), path.join(outdir, "assets"), { recursive: true });
      return `directory = ${JSON.stringify(path.join(outdir, "assets"))}`;
    })
    .replace(
      /^migrations_dir = "(.*)"$/m,
      (_, dir: string) => `migrations_dir = ${JSON.stringify(path.join(root, dir))}`,
    );
  const file = path.join(outdir, "wrangler.toml");
  writeFileSync(file, config);
  return file;
}
