/**
 * The changes a PerimetreHub has not sent yet, coalesced: a change after a quiet interval is sent at once; changes
 * arriving sooner wait for one flush at the end of the interval, which lists every organisme changed meanwhile. So
 * a perimeter whose organismes keep pushing sends about one message per interval, never one per push. Pure (the
 * hub stores `saved()` and schedules the flush with its alarm), so that the timing is tested at fixed instants.
 */
export interface SavedChanges {
  pending: string[];
  lastSentAt: number | null;
  flushAt: number | null;
}

/** What a change asks of the hub: send these ids now, or schedule the flush at this time (null: one already is). */
export type ChangeOutcome = { send: string[] } | { flushAt: number } | null;

export class PerimetreChanges {
  private readonly pending: Set<string>;
  private lastSentAt: number | null;
  private flushAt: number | null;

  constructor(
    private readonly intervalMs: number,
    saved: SavedChanges = { pending: [], lastSentAt: null, flushAt: null },
  ) {
    this.pending = new Set(saved.pending);
    this.lastSentAt = saved.lastSentAt;
    this.flushAt = saved.flushAt;
  }

  /** `organismeIds` changed at `now`. */
  record(organismeIds: readonly string[], now: number): ChangeOutcome {
    for (const id of organismeIds) this.pending.add(id);
    // A flush long overdue (its alarm lost) no longer holds the changes back.
    if (this.flushAt !== null && now < this.flushAt + this.intervalMs) return null;
    if (this.lastSentAt === null || now - this.lastSentAt >= this.intervalMs) return { send: this.take(now) };
    this.flushAt = this.lastSentAt + this.intervalMs;
    return { flushAt: this.flushAt };
  }

  /** The scheduled flush, at `now`: the ids to send (none when nothing is waiting). */
  flush(now: number): string[] {
    this.flushAt = null;
    return this.pending.size > 0 ? this.take(now) : [];
  }

  saved(): SavedChanges {
    return { pending: [...this.pending], lastSentAt: this.lastSentAt, flushAt: this.flushAt };
  }

  private take(now: number): string[] {
    const ids = [...this.pending];
    this.pending.clear();
    this.lastSentAt = now;
    this.flushAt = null;
    return ids;
  }
}
