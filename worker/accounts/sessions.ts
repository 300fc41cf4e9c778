import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { randomToken, sha256Hex } from "../lib/crypto";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "../lib/session";

const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;

/** Opens a session: the token goes to the browser only, D1 keeps its SHA-256. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = randomToken();
  const now = Date.now();
  await c.env.DB.prepare(
    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  )
    .bind(
      await sha256Hex(token),
      userId,
      new Date(now).toISOString(),
      new Date(now).toISOString(),
      new Date(now + SESSION_ABSOLUTE_MS).toISOString(),
    )
    .run();
  setCookie(c, SESSION_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

/** Closes the session of the request's cookie, if any. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token)
    await c.env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?")
      .bind(await sha256Hex(token))
      .run();
  deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
}
