import type { Env } from "../env";
import { tooManyRequests } from "./errors";

/** At most `limit` counted attempts per minute in `bucket`. */
export interface Limit {
  bucket: string;
  limit: number;
}

/** An attempt counted in a bucket, which forgiveAttempts can give back. */
export interface Attempt {
  bucket: string;
  windowStart: number;
}

const limiter = (env: Env, bucket: string) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(bucket));

/** Counts one request in `bucket`; throws a 429 (with Retry-After) past `limit` per minute. */
export async function enforceRateLimit(env: Env, bucket: string, limit: number, message?: string): Promise<void> {
  await reserveAttempts(env, [{ bucket, limit }], message);
}

/**
 * Counts one attempt in each bucket before the attempt is evaluated: the count is atomic in the bucket's limiter,
 * so parallel attempts cannot all get through. Past any limit, gives the others back and throws a 429 (with
 * Retry-After).
 */
export async function reserveAttempts(env: Env, limits: Limit[], message?: string): Promise<Attempt[]> {
  const hits = await Promise.all(limits.map(({ bucket, limit }) => limiter(env, bucket).hit(limit)));
  const attempts = limits.map(({ bucket }, i) => ({ bucket, windowStart: hits[i].windowStart }));
  const retryAfter = Math.max(...hits.map((hit) => hit.retryAfter));
  if (retryAfter > 0) {
    await forgiveAttempts(
      env,
      attempts.filter((_, i) => hits[i].retryAfter === 0),
    );
    throw tooManyRequests(retryAfter, message);
  }
  return attempts;
}

/** Gives back attempts that turned out not to count (e.g. a successful login, when only failures are limited). */
export async function forgiveAttempts(env: Env, attempts: Attempt[]): Promise<void> {
  await Promise.all(attempts.map(({ bucket, windowStart }) => limiter(env, bucket).forgive(windowStart)));
}
