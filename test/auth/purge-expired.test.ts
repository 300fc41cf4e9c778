import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { SESSION_IDLE_MS } from "../../worker/lib/session";
import { purgeExpiredAccountsData } from "../../worker/scheduled/purge-expired-accounts";
import { createUser } from "../helpers/accounts";

const NOW = new Date("2026-03-10T03:00:00Z");
const iso = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

async function insertSession(tokenHash: string, userId: string, lastSeenAt: string, expiresAt: string) {
  await env.DB.prepare(
    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  )
    .bind(tokenHash, userId, iso(-3600_000), lastSeenAt, expiresAt)
    .run();
}

async function insertReset(tokenHash: string, userId: string, expiresAt: string, usedAt: string | null) {
  await env.DB.prepare("INSERT INTO password_resets (token_hash, user_id, expires_at, used_at) VALUES (?, ?, ?, ?)")
    .bind(tokenHash, userId, expiresAt, usedAt)
    .run();
}

const tokensOf = async (table: "sessions" | "password_resets", userId: string) =>
  (
    await env.DB.prepare(`SELECT token_hash AS t FROM ${table} WHERE user_id = ? ORDER BY token_hash`)
      .bind(userId)
      .all<{ t: string }>()
  ).results.map((r) => r.t);

describe("daily purge of expired sessions and reset links", () => {
  it("deletes expired and idle sessions, expired and used links, and keeps the live ones", async () => {
    const user = await createUser();
    await insertSession("s-live", user.id, iso(-60_000), iso(3600_000));
    await insertSession("s-expired", user.id, iso(-60_000), iso(-1));
    await insertSession("s-idle", user.id, iso(-SESSION_IDLE_MS - 1), iso(3600_000));
    await insertReset("r-live", user.id, iso(60_000), null);
    await insertReset("r-expired", user.id, iso(-1), null);
    await insertReset("r-used", user.id, iso(60_000), iso(-60_000));

    expect(await purgeExpiredAccountsData(env, NOW)).toEqual({ sessions: 2, resets: 2 });
    expect(await tokensOf("sessions", user.id)).toEqual(["s-live"]);
    expect(await tokensOf("password_resets", user.id)).toEqual(["r-live"]);
  });

  it("deletes the live-socket rows of sessions that are gone, and keeps those of live sessions", async () => {
    const user = await createUser();
    await insertSession("l-live", user.id, iso(-60_000), iso(3600_000));
    await insertSession("l-expired", user.id, iso(-60_000), iso(-1));
    for (const hash of ["l-live", "l-expired", "l-gone"]) {
      await env.DB.prepare(
        "INSERT INTO live_connections (session_token_hash, user_id, organisme_id) VALUES (?, ?, 'o-purge')",
      )
        .bind(hash, user.id)
        .run();
    }
    await purgeExpiredAccountsData(env, NOW);
    const rows = await env.DB.prepare("SELECT session_token_hash AS t FROM live_connections WHERE user_id = ?")
      .bind(user.id)
      .all<{ t: string }>();
    expect(rows.results.map((r) => r.t)).toEqual(["l-live"]);
  });

  it("runs with the daily cron", async () => {
    const user = await createUser();
    await insertSession(
      "cron-expired",
      user.id,
      new Date(Date.now() - 60_000).toISOString(),
      new Date(Date.now() - 1000).toISOString(),
    );
    await insertReset("cron-used", user.id, new Date(Date.now() + 60_000).toISOString(), new Date().toISOString());
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await tokensOf("sessions", user.id)).toEqual([]);
    expect(await tokensOf("password_resets", user.id)).toEqual([]);
  });
});
