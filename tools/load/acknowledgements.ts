/**
 * What each learner's pushes said, to check at the end that no acknowledged record was lost. A push either
 * acknowledged the dossier (200, outcome created / updated / unchanged), or may have been applied without saying
 * so (5xx, connection cut, timeout), or was certainly not applied (4xx, or the dossier refused in a 200).
 * The stored value must be the value of a push that is not superseded — one that no acknowledged push started
 * after it had ended —, acknowledged or maybe applied: with several ERPs on the same learners, which of two
 * overlapping pushes wrote last is not known from outside.
 */

interface Write {
  start: number;
  /** Infinity for a timeout: the server may still be applying it */
  end: number;
  value: string;
  acknowledged: boolean;
}

export interface LossCount {
  /** learners with at least one acknowledged push */
  acknowledged: number;
  /** acknowledged, and not in the database */
  missing: number;
  /** in the database, with the value of a superseded push (or of no push) */
  stale: number;
  examples: string[];
}

const EXAMPLES = 5;

export class Acknowledgements {
  private readonly writes = new Map<string, Write[]>();

  add(learner: string, write: Write): void {
    const list = this.writes.get(learner);
    if (list) list.push(write);
    else this.writes.set(learner, [write]);
  }

  /** `stored`: learner → stored value, for every learner the database holds. */
  countLost(stored: Map<string, string>): LossCount {
    const count: LossCount = { acknowledged: 0, missing: 0, stale: 0, examples: [] };
    for (const [learner, writes] of this.writes) {
      const acknowledged = writes.filter((w) => w.acknowledged);
      if (acknowledged.length === 0) continue;
      count.acknowledged++;
      const lastAcknowledgedStart = Math.max(...acknowledged.map((w) => w.start));
      const possible = new Set(writes.filter((w) => w.end >= lastAcknowledgedStart).map((w) => w.value));
      const value = stored.get(learner);
      if (value === undefined) {
        count.missing++;
        if (count.examples.length < EXAMPLES) count.examples.push(`${learner} : absent`);
      } else if (!possible.has(value)) {
        count.stale++;
        if (count.examples.length < EXAMPLES)
          count.examples.push(`${learner} : « ${value} » au lieu de « ${[...possible].join(" » ou « ")} »`);
      }
    }
    return count;
  }
}
