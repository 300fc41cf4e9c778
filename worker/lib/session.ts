/**
 * Sessions, HTTP side: the cookie, opening and closing a session, the middleware that loads the session's user
 * into `c.var.user` (and the session into `c.var.session`), and the guards of the routes. The queries are
 * worker/data/sessions.ts.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { database } from "../data/db";
import { closeLiveSessions } from "../connection/live-sessions";
import { deleteSession, findSessionUser, insertSession, touchSession, type ActiveSession } from "../data/sessions";
import type { AppEnv, SessionUser } from "../env";
import { randomToken, sha256Hex } from "./crypto";
import { forbidden, unauthorized } from "./errors";

export const SESSION_COOKIE = "tba_session";
/** A session lives at most this long, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 24 * 3600_000;
/** ...and ends after this long without a request. */
export const SESSION_IDLE_MS = 2 * 3600_000;
/** lastSeenAt is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: "Lax", path: "/" } as const;

/** Opens a session: the token goes to the browser only, D1 keeps its SHA-256. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = randomToken();
  const now = Date.now();
  await insertSession(database(c.env.DB), {
    tokenHash: await sha256Hex(token),
    userId,
    createdAt: new Date(now).toISOString(),
    lastSeenAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_ABSOLUTE_MS).toISOString(),
  });
  setCookie(c, SESSION_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

/** Closes the session of the request's cookie, if any, and its live WebSockets. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const tokenHash = await sha256Hex(token);
    await deleteSession(database(c.env.DB), tokenHash);
    await closeLiveSessions(c.env, { sessionHashes: [tokenHash] });
  }
  deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
}

/** Forgets the session cookie in the browser (its sessions ended otherwise: "Se déconnecter partout"). */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
}

/**
 * Loads the user of the session cookie (or null) into `c.var.user`, and the session into `c.var.session`;
 * expired sessions are deleted.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const read = await readSession(c);
  c.set("user", read?.user ?? null);
  c.set("session", read?.session ?? null);
  await next();
};

async function readSession(c: Context<AppEnv>): Promise<{ user: SessionUser; session: ActiveSession } | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const tokenHash = await sha256Hex(token);
  const db = database(c.env.DB);
  const row = await findSessionUser(db, tokenHash);
  if (!row) return null;
  const now = Date.now();
  const { lastSeenAt, expiresAt, formateurIds, ...user } = row;
  if (Date.parse(expiresAt) <= now || Date.parse(lastSeenAt) + SESSION_IDLE_MS <= now) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (now - Date.parse(lastSeenAt) > TOUCH_EVERY_MS) await touchSession(db, tokenHash, new Date(now).toISOString());
  return {
    user: { ...user, formateurIds: JSON.parse(formateurIds) as string[] },
    session: { tokenHash, expiresAt },
  };
}

/** The session of the logged-in user, or a 401. */
export function requireSession(c: Context<AppEnv>): ActiveSession {
  const session = c.var.session;
  if (!session) throw unauthorized();
  return session;
}

/** The logged-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

/** A logged-in user whose account was validated, or a 401/403. */
export function requireActiveUser(c: Context<AppEnv>): SessionUser {
  const user = requireUser(c);
  if (user.status !== "active") throw forbidden("Votre compte est en attente de validation.");
  return user;
}
