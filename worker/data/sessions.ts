/**
 * The sessions table (only the SHA-256 of a session token is stored). The HTTP side, cookie and middleware, is
 * worker/lib/session.ts.
 */
import { eq, lte, or, sql } from "drizzle-orm";
import { organisations, organismeRelations, sessions, users } from "../../db/schema";
import type { Database } from "./db";

export type Session = typeof sessions.$inferSelect;

/** Which session a request runs in (`c.var.session`): what its live WebSockets carry to be closed with it. */
export type ActiveSession = Pick<Session, "tokenHash" | "expiresAt">;

/**
 * The session of `tokenHash` with its user, the user's organisation and the formateurs of its organisme (an OFA
 * also sees them): ONE query, run on every request.
 */
export const findSessionUser = (db: Database, tokenHash: string) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      civilite: users.civilite,
      prenom: users.prenom,
      nom: users.nom,
      status: users.status,
      isAdmin: users.isAdmin,
      role: users.role,
      organisationId: users.organisationId,
      organisationType: organisations.type,
      organismeId: organisations.organismeId,
      missionLocaleId: organisations.missionLocaleId,
      formateurIds: sql<string>`(SELECT json_group_array(${organismeRelations.formateurId}) FROM ${organismeRelations}
        WHERE ${organismeRelations.responsableId} = ${organisations.organismeId})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();

export const insertSession = (db: Database, session: Session) => db.insert(sessions).values(session).run();

export const deleteSession = (db: Database, tokenHash: string) =>
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();

/** Checked by the hub once a socket is accepted: a session ended while the upgrade was on its way is refused. */
export const sessionExists = async (db: Database, tokenHash: string) =>
  (await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.tokenHash, tokenHash)).get()) !==
  undefined;

export const touchSession = (db: Database, tokenHash: string, lastSeenAt: string) =>
  db.update(sessions).set({ lastSeenAt }).where(eq(sessions.tokenHash, tokenHash)).run();

/** Every session of a user, returning their hashes (a statement for a `db.batch`). */
export const deleteUserSessions = (db: Database, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });

/** The sessions past their absolute expiry (`at`) or idle since `idleSince` (a statement for a `db.batch`). */
export const deleteExpiredSessions = (db: Database, at: string, idleSince: string) =>
  db.delete(sessions).where(or(lte(sessions.expiresAt, at), lte(sessions.lastSeenAt, idleSince)));

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** The user of a session as the routes see it (`c.var.user`), derived from the session query. */
export type SessionUser = Omit<SessionRow, "lastSeenAt" | "expiresAt" | "formateurIds"> & { formateurIds: string[] };
