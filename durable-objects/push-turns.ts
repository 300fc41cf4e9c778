/**
 * The turns of an organisme's pushes, kept by its OrganismeHub: one push at a time reads its effectifs and writes
 * them, in arrival order, so that overlapping pushes (an ERP sending twice, the responsable and the formateur)
 * follow each other instead of failing D1's optimistic check. In memory on purpose: the check stays the guard
 * of correctness, and a hub that restarts only lets the pushes of that moment race as before.
 */
interface Waiter {
  resolve: (token: string | null) => void;
  leaseMs: number;
}

export class PushTurns {
  private holder: { token: string; until: number } | null = null;
  private queue: Waiter[] = [];
  private expiry: ReturnType<typeof setTimeout> | null = null;

  /**
   * Resolves with a token when it is this push's turn, held at most `leaseMs` (a Worker that died while holding
   * it blocks no one for longer); or with null after `maxWaitMs`: the push then goes on unserialised.
   */
  take(leaseMs: number, maxWaitMs: number): Promise<string | null> {
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, leaseMs };
      this.queue.push(waiter);
      this.next();
      if (this.queue.includes(waiter)) {
        setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index < 0) return;
          this.queue.splice(index, 1);
          resolve(null);
        }, maxWaitMs);
      }
    });
  }

  /** Ends the turn of `token` (a late release, after the lease ran out, changes nothing). */
  give(token: string): void {
    if (this.holder?.token !== token) return;
    this.holder = null;
    this.next();
  }

  private next(): void {
    const now = Date.now();
    if (this.holder && this.holder.until > now) {
      this.expiry ??= setTimeout(() => {
        this.expiry = null;
        this.next();
      }, this.holder.until - now);
      return;
    }
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    const waiter = this.queue.shift();
    if (!waiter) {
      this.holder = null;
      return;
    }
    this.holder = { token: crypto.randomUUID(), until: now + waiter.leaseMs };
    waiter.resolve(this.holder.token);
  }
}
