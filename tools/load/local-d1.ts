/** The suite's own local D1: a fresh state directory, migrated, reached through tools/d1-local. */
import { execFileSync } from "node:child_process";
import path from "node:path";

const MIGRATE_WITHIN_MS = 120_000;

export function migrate(root: string, stateDir: string): void {
  execFileSync(
    path.join(root, "node_modules", ".bin", "wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
      stdio: "pipe",
      timeout: MIGRATE_WITHIN_MS,
    },
  );
}

/** tools/d1-local reads D1_PERSIST_TO when it is loaded: it is set first, then the module is loaded. */
export async function localD1(stateDir: string) {
  process.env.D1_PERSIST_TO = stateDir;
  return import("../d1-local");
}
