import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";

/** A bucket's count in its current window; windows are aligned on multiples of their length. */
export interface CounterWindow {
  start: number;
  count: number;
}

/** The outcome of one hit: counted when `retryAfter` is 0, else refused for that many seconds. */
export interface Hit {
  retryAfter: number;
  windowStart: number;
}

/** What one hit at `now` makes of the stored window: counted, or refused (and not counted) past `limit`. */
export function hitWindow(
  stored: CounterWindow | undefined,
  limit: number,
  windowMs: number,
  now: number,
): { window: CounterWindow; retryAfter: number } {
  const start = now - (now % windowMs);
  const count = stored?.start === start ? stored.count : 0;
  if (count >= limit) {
    return { window: { start, count }, retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
  }
  return { window: { start, count: count + 1 }, retryAfter: 0 };
}

/** The window once a hit counted in the window of `windowStart` is given back; undefined when there is none to
 * give back (a hit of a past window was forgotten with it). */
export function forgiveHit(stored: CounterWindow | undefined, windowStart: number): CounterWindow | undefined {
  if (stored?.start !== windowStart || stored.count === 0) return undefined;
  return { start: windowStart, count: stored.count - 1 };
}

const WINDOW_KEY = "window";

/**
 * A fixed-window counter per bucket name (one object per bucket). The window is kept in the object's storage, so
 * that a restart or an eviction does not forget a brute force in progress; one key per object, overwritten by the
 * next window. Each method reads and writes synchronously: concurrent hits cannot interleave.
 */
export class RateLimiter extends DurableObject<Env> {
  /** Counts one hit unless `limit` is reached this window. */
  hit(limit: number, windowMs = 60_000): Hit {
    const kv = this.ctx.storage.kv;
    const { window, retryAfter } = hitWindow(kv.get<CounterWindow>(WINDOW_KEY), limit, windowMs, Date.now());
    if (retryAfter === 0) kv.put(WINDOW_KEY, window);
    return { retryAfter, windowStart: window.start };
  }

  /** Gives back a hit counted in the window of `windowStart` (e.g. a login that turned out right). */
  forgive(windowStart: number): void {
    const kv = this.ctx.storage.kv;
    const left = forgiveHit(kv.get<CounterWindow>(WINDOW_KEY), windowStart);
    if (!left) return;
    // An empty window is the same as none: a bucket that only ever had its hits forgiven keeps no storage.
    if (left.count === 0) kv.delete(WINDOW_KEY);
    else kv.put(WINDOW_KEY, left);
  }
}
