import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv, SessionUser } from "../env";
import { sha256Hex } from "./crypto";
import { forbidden, unauthorized } from "./errors";

export const SESSION_COOKIE = "tba_session";
/** A session lives at most this long, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 24 * 3600_000;
/** ...and ends after this long without a request. */
export const SESSION_IDLE_MS = 2 * 3600_000;
/** lastSeenAt is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

type SessionRow = Omit<SessionUser, "formateurIds"> & {
  formateurIds: string;
  lastSeenAt: string;
  expiresAt: string;
  tokenHash: string;
};

/** Loads the user of the session cookie (or null) into `c.var.user`; expired sessions are deleted. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", await readSession(c));
  await next();
};

async function readSession(c: Context<AppEnv>): Promise<SessionUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const tokenHash = await sha256Hex(token);
  const row = await c.env.DB.prepare(
    `SELECT s.token_hash AS tokenHash, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt,
            u.id, u.email, u.civilite, u.prenom, u.nom, u.status, u.is_admin AS isAdmin,
            u.organisation_id AS organisationId, o.type AS organisationType, o.organisme_id AS organismeId,
            (SELECT json_group_array(r.formateur_id) FROM organisme_relations r WHERE r.responsable_id = o.organisme_id) AS formateurIds
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE s.token_hash = ?`,
  )
    .bind(tokenHash)
    .first<SessionRow>();
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expiresAt) <= now || Date.parse(row.lastSeenAt) + SESSION_IDLE_MS <= now) {
    await c.env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(tokenHash).run();
    return null;
  }
  if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    await c.env.DB.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
      .bind(new Date(now).toISOString(), tokenHash)
      .run();
  }
  const { lastSeenAt: _l, expiresAt: _e, tokenHash: _t, ...user } = row;
  return { ...user, isAdmin: Boolean(user.isAdmin), formateurIds: JSON.parse(user.formateurIds) as string[] };
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
