/**
 * Where a push's time goes, for the bench only (`npm run bench`, part 1): the bench's Worker entry sets a sink
 * (bench/worker/index.ts); the production Worker never does, and then every call here is a no-op on a shared
 * object. Phases are wall-clock laps (performance.now()) between the pipeline's steps; the statements of the D1
 * batch are each given their own SQL time as D1 reports it (meta.duration, triggers included).
 */
export interface PushTimings {
  /** name → ms, in the order first seen */
  phases: Record<string, number>;
  /** label of a statement of the batch → ms of SQL (summed over its chunks) */
  statements: Record<string, number>;
}

export interface PushTimer {
  /** the time since the previous lap, added to `phase` */
  lap(phase: string): void;
  statements(labels: readonly string[], results: readonly { meta?: { duration?: number } }[]): void;
  done(): void;
}

let sink: ((timings: PushTimings) => void) | null = null;

/** Bench only: every push from now on reports its timings to `receive`. */
export function setPushTimingsSink(receive: ((timings: PushTimings) => void) | null): void {
  sink = receive;
}

const NO_TIMER: PushTimer = { lap() {}, statements() {}, done() {} };

export function pushTimer(): PushTimer {
  const receive = sink;
  if (!receive) return NO_TIMER;
  const timings: PushTimings = { phases: {}, statements: {} };
  let last = performance.now();
  return {
    lap(phase) {
      const now = performance.now();
      timings.phases[phase] = (timings.phases[phase] ?? 0) + (now - last);
      last = now;
    },
    statements(labels, results) {
      results.forEach((r, i) => {
        const label = labels[i] ?? "?";
        timings.statements[label] = (timings.statements[label] ?? 0) + (r.meta?.duration ?? 0);
      });
    },
    done() {
      receive(timings);
    },
  };
}
