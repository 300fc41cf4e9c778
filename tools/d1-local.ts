/** The local D1 of `wrangler dev`, reached through `wrangler d1 execute --local` (the same SQLite file). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");

/** Statements per file: keeps each `wrangler d1 execute` run short and its progress visible. */
const STATEMENTS_PER_FILE = 400;

/** `D1_PERSIST_TO=<dir>` targets another local state than `.wrangler/state` (wrangler's `--persist-to`). */
const persistTo = process.env.D1_PERSIST_TO ? ["--persist-to", process.env.D1_PERSIST_TO] : [];

function run(args: string[]): string {
  const result = spawnSync(wrangler, ["d1", "execute", "DB", "--local", ...persistTo, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) {
    throw new Error(`wrangler d1 execute a échoué :\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** Rows of a SELECT on the local D1. */
export function queryLocal<T>(sql: string): T[] {
  const output = run(["--json", "--command", sql]);
  const parsed = JSON.parse(output.slice(output.indexOf("["))) as { results: T[] }[];
  return parsed.flatMap((r) => r.results);
}

/** Applies statements in order, in files of STATEMENTS_PER_FILE; `onProgress(done, total)` after each file. */
export function executeLocal(statements: readonly string[], onProgress?: (done: number, total: number) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), "tdb-d1-"));
  try {
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_FILE) {
      const file = path.join(dir, `lot-${i / STATEMENTS_PER_FILE}.sql`);
      writeFileSync(file, statements.slice(i, i + STATEMENTS_PER_FILE).join("\n") + "\n");
      run(["--file", file]);
      onProgress?.(Math.min(i + STATEMENTS_PER_FILE, statements.length), statements.length);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
