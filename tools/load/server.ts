/**
 * The load suite's `wrangler dev`: on loopback, on a persisted state directory that outlives it, so that it can be
 * killed like a crash (SIGKILL of its process group: wrangler and workerd at once) and started again on the same
 * data. Whatever happens to the suite (end, failure, Ctrl-C, watchdog), no server is left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";

const READY_WITHIN_MS = 60_000;
const STOP_WITHIN_MS = 5_000;
const KEPT_OUTPUT_CHARS = 20_000;

/** Process groups of the servers still running, killed on any way out of the suite. */
const running = new Set<number>();

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {}
  running.delete(pgid);
}

export function killAllServers(): void {
  for (const pgid of [...running]) killGroup(pgid);
}

process.on("exit", killAllServers);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal} : arrêt de wrangler dev et de la suite de charge.`);
    killAllServers();
    process.exit(128 + constants.signals[signal]);
  });
}

export interface LoadServer {
  baseUrl: string;
  /** starts wrangler dev and waits until it answers */
  start(): Promise<void>;
  /** SIGKILL of wrangler dev and workerd, as a crash would; resolves once they are gone */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it is still there after a few seconds */
  stop(): Promise<void>;
  /** the end of what the current (or last) wrangler dev printed */
  output(): string;
}

export function loadServer(options: { root: string; port: number; stateDir: string; config: string }): LoadServer {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | null = null;
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS));

  const exited = (process: ChildProcess) =>
    new Promise<void>((resolve) => (process.exitCode !== null ? resolve() : process.once("exit", () => resolve())));

  return {
    baseUrl,
    output: () => output,
    async start() {
      output = "";
      const started = spawn(
        path.join(options.root, "node_modules", ".bin", "wrangler"),
        [
          "dev",
          "--config",
          options.config,
          "--ip",
          "127.0.0.1",
          "--port",
          String(options.port),
          "--persist-to",
          options.stateDir,
          "--show-interactive-dev-session=false",
        ],
        {
          cwd: options.root,
          env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
          stdio: ["ignore", "pipe", "pipe"],
          // Its own process group, so that one signal reaches wrangler and the workerd it starts.
          detached: true,
        },
      );
      child = started;
      running.add(started.pid!);
      started.stdout!.on("data", keep);
      started.stderr!.on("data", keep);
      const deadline = Date.now() + READY_WITHIN_MS;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`wrangler dev s'est arrêté :\n${output}`);
        try {
          const response = await fetch(`${baseUrl}/api/ping-inexistant`, { signal: AbortSignal.timeout(2000) });
          await response.body?.cancel();
          if (response.status === 404) return;
        } catch {}
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`wrangler dev n'a pas répondu en ${READY_WITHIN_MS / 1000} s :\n${output}`);
    },
    async kill() {
      if (!child) return;
      killGroup(child.pid!);
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, STOP_WITHIN_MS))]);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const current = child;
      try {
        process.kill(-current.pid!, "SIGTERM");
      } catch {}
      await Promise.race([exited(current), new Promise((resolve) => setTimeout(resolve, STOP_WITHIN_MS))]);
      killGroup(current.pid!);
    },
  };
}
