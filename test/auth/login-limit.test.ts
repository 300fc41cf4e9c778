import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { forgiveHit, hitWindow, type CounterWindow } from "../../durable-objects/rate-limiter";
import { LOGIN_FAILURES_PER_EMAIL } from "../../worker/api/auth";
import { apiFetch, createUser } from "../helpers/accounts";

const TOO_MANY_LOGINS = "Trop de tentatives de connexion. Veuillez réessayer dans une minute.";

/** Each test logs in from its own address: the per-IP bucket of one test must not limit another. */
const login = (email: string, password: string, ip: string) =>
  apiFetch("/api/auth/connexion", { body: { email, password }, headers: { "CF-Connecting-IP": ip } });

const limiterOf = (bucket: string) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(bucket));

/** The limiter counts per calendar minute: start a burst where it cannot straddle two windows. */
/** A test may wait up to 10 s for the next minute, then log in a dozen times on a busy machine. */
const WAITS_FOR_A_MINUTE_BOUNDARY_MS = 40_000;

async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect((await response.json<{ message: string }>()).message).toBe(TOO_MANY_LOGINS);
}

describe("login limit per e-mail", () => {
  it(
    "evaluates only 10 of 20 simultaneous wrong logins, then refuses even the right password",
    async () => {
      const user = await createUser();
      await awayFromMinuteBoundary();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(user.email, `mauvais mot de passe ${i}`, "198.51.100.41")),
      );
      const refused = responses.filter((response) => response.status === 429);
      expect(responses.filter((response) => response.status === 401)).toHaveLength(LOGIN_FAILURES_PER_EMAIL);
      expect(refused).toHaveLength(20 - LOGIN_FAILURES_PER_EMAIL);
      for (const response of refused) await expectRefused(response);

      await expectRefused(await login(user.email, user.password, "198.51.100.41"));
    },
    WAITS_FOR_A_MINUTE_BOUNDARY_MS,
  );

  it(
    "does not count successful logins against the budget",
    async () => {
      const user = await createUser();
      await awayFromMinuteBoundary();
      for (let i = 0; i < 12; i++) expect((await login(user.email, user.password, "198.51.100.42")).status).toBe(200);

      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(user.email, `mauvais mot de passe ${i}`, "198.51.100.42")),
      );
      expect(responses.filter((response) => response.status === 401)).toHaveLength(LOGIN_FAILURES_PER_EMAIL);
      expect(responses.filter((response) => response.status === 429)).toHaveLength(20 - LOGIN_FAILURES_PER_EMAIL);
    },
    WAITS_FOR_A_MINUTE_BOUNDARY_MS,
  );

  it(
    "keeps the count in storage across a restart of the limiter",
    async () => {
      const user = await createUser();
      await awayFromMinuteBoundary();
      for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
        expect((await login(user.email, `mauvais mot de passe ${i}`, "198.51.100.43")).status).toBe(401);
      }
      const limiter = limiterOf(`login-email:${user.email}`);
      await evictDurableObject(limiter);

      const stored = await runInDurableObject(limiter, (_, state) => state.storage.kv.get<CounterWindow>("window"));
      expect(stored?.count).toBe(LOGIN_FAILURES_PER_EMAIL);
      await expectRefused(await login(user.email, user.password, "198.51.100.43"));
    },
    WAITS_FOR_A_MINUTE_BOUNDARY_MS,
  );
});

describe("limiter window", () => {
  const MINUTE = 60_000;
  const start = 1_800_000_000_000; // a multiple of the minute

  it("counts hits up to the limit, then refuses until the next window without counting", () => {
    let window: CounterWindow | undefined;
    for (let i = 1; i <= 3; i++) {
      const hit = hitWindow(window, 3, MINUTE, start + 1_000 * i);
      expect(hit).toEqual({ window: { start, count: i }, retryAfter: 0 });
      window = hit.window;
    }
    expect(hitWindow(window, 3, MINUTE, start + 45_500)).toEqual({ window: { start, count: 3 }, retryAfter: 15 });
    expect(hitWindow(window, 3, MINUTE, start + MINUTE - 1)).toMatchObject({ retryAfter: 1 });
    expect(hitWindow(window, 3, MINUTE, start + MINUTE)).toEqual({
      window: { start: start + MINUTE, count: 1 },
      retryAfter: 0,
    });
  });

  it("gives back a hit only in the window it was counted in", () => {
    expect(forgiveHit({ start, count: 2 }, start)).toEqual({ start, count: 1 });
    expect(forgiveHit({ start: start + MINUTE, count: 2 }, start)).toBeUndefined();
    expect(forgiveHit({ start, count: 0 }, start)).toBeUndefined();
    expect(forgiveHit(undefined, start)).toBeUndefined();
  });
});
