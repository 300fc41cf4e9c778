// Starts the real app (`wrangler dev`, local D1 + Durable Objects) on a port of its own, with its own state
// directory, migrated and seeded with the demo data — what `npm run dev` does, isolated from the dev data.
import { spawn, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** @param {{ port?: number, stateDir?: string, extraArgs?: string[] }} [options] */
export async function startServer({
  port = 8788,
  stateDir = path.join(root, ".wrangler", "e2e-state"),
  extraArgs = [],
} = {}) {
  rmSync(stateDir, { recursive: true, force: true });
  const env = { ...process.env, D1_PERSIST_TO: stateDir, WRANGLER_SEND_METRICS: "false", CI: "1" };
  execFileSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], {
    cwd: root,
    env,
    stdio: "pipe",
  });
  execFileSync("npm", ["run", "--silent", "db:seed"], { cwd: root, env, stdio: "pipe" });
  const child = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      stateDir,
      "--show-interactive-dev-session=false",
      ...extraArgs,
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/ping-inexistant`)).status === 404) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) throw new Error(`wrangler dev did not start in 60 s:\n${output}`);
  return {
    baseUrl,
    stateDir,
    pid: /** @type {number} */ (child.pid),
    output: () => output,
    stop: () => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    },
  };
}
