// `npm run db:check` (CI): fails when db/schema.ts and db/migrations have drifted, i.e. when `drizzle-kit generate`
// would write a new migration. It runs the real `drizzle-kit generate` (drizzle.config.ts), then puts the folder back
// exactly as it was (files it created are removed, files it changed are restored) and lists what it would have
// written. Nothing in the folder is touched when there is no drift; uncommitted files of yours are left alone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const migrations = path.join(root, "db/migrations");
const TIMEOUT_MS = 120_000;

/** path (relative to the migrations folder) → content, for every file under it */
function snapshot(dir, prefix = "") {
  const files = new Map();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [p, c] of snapshot(path.join(dir, entry.name), relative)) files.set(p, c);
    else files.set(relative, fs.readFileSync(path.join(dir, entry.name)));
  }
  return files;
}

const before = snapshot(migrations);
const run = spawnSync(process.execPath, [path.join(root, "node_modules/drizzle-kit/bin.cjs"), "generate"], {
  cwd: root,
  encoding: "utf8",
  // no terminal: a question from drizzle-kit (e.g. "renamed or created?") would wait for ever; the timeout ends it
  stdio: ["ignore", "pipe", "pipe"],
  timeout: TIMEOUT_MS,
  env: { ...process.env, FORCE_COLOR: "0" },
});
const after = snapshot(migrations);

const created = [...after.keys()].filter((p) => !before.has(p));
const changed = [...after.keys()].filter((p) => before.has(p) && !before.get(p).equals(after.get(p)));
const removed = [...before.keys()].filter((p) => !after.has(p));
for (const p of created) fs.rmSync(path.join(migrations, p));
for (const p of [...changed, ...removed]) {
  fs.mkdirSync(path.dirname(path.join(migrations, p)), { recursive: true });
  fs.writeFileSync(path.join(migrations, p), before.get(p));
}
for (const p of created) {
  // drop the folders drizzle-kit created (e.g. meta/ when it did not exist), never a folder that was there before
  for (let dir = path.dirname(p); dir !== "."; dir = path.dirname(dir)) {
    const full = path.join(migrations, dir);
    if ([...before.keys()].some((k) => k.startsWith(dir + path.sep))) break;
    if (fs.existsSync(full) && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
}

const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
const clean = /No schema changes, nothing to migrate/.test(output);
const rel = (p) => path.join("db/migrations", p);

if (created.length || changed.length || removed.length) {
  const newSql = created.filter((p) => p.endsWith(".sql"));
  console.error("db:check: db/schema.ts and db/migrations have drifted: drizzle-kit generate would write");
  for (const p of created) console.error(`  new       ${rel(p)}`);
  for (const p of changed) console.error(`  modified  ${rel(p)}`);
  for (const p of removed) console.error(`  removed   ${rel(p)}`);
  for (const p of newSql) {
    console.error(`\n--- ${rel(p)} ---`);
    console.error(after.get(p).toString("utf8").trim());
  }
  console.error(
    "\n(nothing was kept.) Run `npm run db:generate`, review the new migration and commit it with the schema.",
  );
  process.exit(1);
}
if (run.error || run.status !== 0 || !clean) {
  const asks = /Interactive prompts require a TTY/.test(output) || run.error?.code === "ETIMEDOUT";
  const reason = asks
    ? "db/schema.ts and db/migrations have drifted, and drizzle-kit needs to ask whether a table or column was renamed: run `npm run db:generate` in a terminal"
    : `drizzle-kit generate did not confirm that the schema is migrated (exit ${run.status ?? run.signal})`;
  console.error(`db:check: ${reason}\n\n${output.trim()}`);
  process.exit(1);
}
console.log("db:check: db/schema.ts and db/migrations agree (drizzle-kit generate has nothing to write).");
