import type { Env } from "../env";
import { tooManyRequests } from "./errors";

const limiter = (env: Env, bucket: string) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(bucket));

/** Counts one request in `bucket`; throws a 429 (with Retry-After) past `limit` per minute. */
export async function enforceRateLimit(env: Env, bucket: string, limit: number, message?: string): Promise<void> {
  const wait = await limiter(env, bucket).hit(limit);
  if (wait > 0) throw tooManyRequests(wait, message);
}

/** Throws a 429 if `bucket` is already past `limit` this minute, without counting. */
export async function assertUnderRateLimit(env: Env, bucket: string, limit: number, message?: string): Promise<void> {
  const wait = await limiter(env, bucket).retryAfter(limit);
  if (wait > 0) throw tooManyRequests(wait, message);
}

/** Counts one failure in `bucket` (e.g. a failed login) without refusing this request. */
export async function countFailure(env: Env, bucket: string, limit: number): Promise<void> {
  await limiter(env, bucket).hit(limit);
}
