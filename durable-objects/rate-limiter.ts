import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";

/**
 * A fixed-window counter per bucket name (one object per bucket). In memory: a window lost to an eviction
 * only forgives the requests of that minute.
 */
export class RateLimiter extends DurableObject<Env> {
  private windowStart = 0;
  private count = 0;

  /** Counts one hit; returns 0 when allowed, else the seconds to wait. */
  async hit(limit: number, windowMs = 60_000): Promise<number> {
    const now = Date.now();
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now - (now % windowMs);
      this.count = 0;
    }
    if (this.count >= limit) return Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
    this.count++;
    return 0;
  }

  /** Reads without counting (for "only failed attempts count" limits). */
  async retryAfter(limit: number, windowMs = 60_000): Promise<number> {
    const now = Date.now();
    if (now - this.windowStart >= windowMs || this.count < limit) return 0;
    return Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
  }
}
