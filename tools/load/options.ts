/**
 * The run's plan from its command line:
 *   --short         the CI run (about 12 s of pushes instead of 50)
 *   --no-strict     always exit 0, to read the figures before the known bugs are fixed (--strict is the default)
 *   --port <n>      the port of wrangler dev (default 8796; another free one if it is taken)
 */
import { parseArgs } from "node:util";

export interface Plan {
  short: boolean;
  strict: boolean;
  port: number;
  pushSeconds: number;
  /** when the burst of bad payloads starts, and when wrangler dev is killed, in seconds from the first push */
  burstAtSeconds: number;
  killAtSeconds: number;
  /** ERPs on an organisme of their own, and ERPs sharing one organisme and its learners */
  soloErps: number;
  sharedErps: number;
  soloApprenants: number;
  sharedApprenants: number;
  batch: { min: number; max: number };
  badPayloads: number;
  /** how many times each heavy bad payload (megabytes) is sent */
  heavyRepeat: number;
  burstConcurrency: number;
  requestTimeoutMs: number;
  /** the whole run, setup included, after which everything is killed */
  watchdogSeconds: number;
}

export function planFromArgs(argv: string[]): Plan {
  const { values } = parseArgs({
    args: argv,
    allowNegative: true,
    options: {
      short: { type: "boolean", default: false },
      strict: { type: "boolean", default: true },
      port: { type: "string", default: "8796" },
    },
  });
  const short = values.short;
  return {
    short,
    strict: values.strict,
    port: Number(values.port),
    pushSeconds: short ? 12 : 50,
    burstAtSeconds: short ? 1 : 4,
    killAtSeconds: short ? 6 : 25,
    soloErps: 5,
    sharedErps: 3,
    soloApprenants: 3000,
    sharedApprenants: 1000,
    batch: { min: 50, max: 500 },
    badPayloads: short ? 80 : 300,
    heavyRepeat: short ? 1 : 3,
    burstConcurrency: 8,
    requestTimeoutMs: short ? 20_000 : 30_000,
    watchdogSeconds: short ? 150 : 240,
  };
}
