/**
 * A Worker entry as it is when a run starts (the bench's: the production Worker plus the bench-only routes; the
 * load suite's: the production Worker), bundled once into .wrangler/<name> with a config of its own.
 * `wrangler dev` reloads the Worker whenever a source file changes, which in a tree being edited would kill the
 * run's WebSockets and requests and disturb its timings; the snapshot (bundle and static assets, which a
 * `vite build` would replace) does not change while the run goes on.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** `entry` replaces wrangler.toml's `main`; returns the path of the snapshot's wrangler.toml. */
export function snapshotConfig(root: string, { entry, name }: { entry: string; name: string }): string {
  const outdir = path.join(root, ".wrangler", name);
  rmSync(outdir, { recursive: true, force: true });
  execFileSync("npx", ["wrangler", "deploy", entry, "--dry-run", "--outdir", outdir], {
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
