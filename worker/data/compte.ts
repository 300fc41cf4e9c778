/**
 * "Mon compte": the user's own identity, password and open sessions (drizzle builders). Each change is written in
 * the same batch as its audit row.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import { organisations, sessions, users } from "../../db/schema";
import { insertAudit, type AuditEntry } from "./audit-log";
import type { Database } from "./db";
import { deleteUserPasswordResets } from "./password-resets";
import { deleteUserSessions } from "./sessions";

/** The account as Mon compte shows it. */
export const findCompte = (db: Database, userId: string) =>
  db
    .select({
      email: users.email,
      civilite: users.civilite,
      prenom: users.prenom,
      nom: users.nom,
      fonction: users.fonction,
      organisationLabel: organisations.label,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();

/** What a password change checks first. */
export const findPasswordHash = async (db: Database, userId: string) =>
  (await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get())?.passwordHash ??
  null;

/** The user's open sessions, the latest seen first. */
export const listUserSessions = (db: Database, userId: string) =>
  db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .all();

export interface Identite {
  civilite: string;
  prenom: string;
  nom: string;
  email: string;
}

/**
 * Sets the user's identity unless the e-mail belongs to another account; false when it does. The UNIQUE index on
 * users.email decides between two simultaneous changes to one address: the loser's batch fails, and is answered as
 * taken too.
 */
export async function updateIdentite(db: Database, userId: string, identite: Identite, audit: AuditEntry) {
  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, identite.email), ne(users.id, userId)))
    .get();
  if (taken) return false;
  try {
    await db.batch([db.update(users).set(identite).where(eq(users.id, userId)), insertAudit(db, audit)]);
  } catch (e) {
    if (String((e as Error)?.message ?? e).includes("UNIQUE")) return false;
    throw e;
  }
  return true;
}

/**
 * Sets the password, ends every session of the user but `keepTokenHash` (the one asking) and every reset link, with
 * its audit row, in one batch; returns the hashes of the ended sessions (whose live sockets the caller closes).
 */
export async function changePasswordKeepingSession(
  db: Database,
  userId: string,
  passwordHash: string,
  keepTokenHash: string,
  audit: AuditEntry,
): Promise<string[]> {
  const [, ended] = await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
      .returning({ tokenHash: sessions.tokenHash }),
    deleteUserPasswordResets(db, userId),
    insertAudit(db, audit),
  ]);
  return ended.map((session) => session.tokenHash);
}

/** "Se déconnecter partout": every session of the user, with its audit row. */
export async function endAllSessions(db: Database, userId: string, audit: AuditEntry): Promise<number> {
  const [ended] = await db.batch([deleteUserSessions(db, userId), insertAudit(db, audit)]);
  return ended.length;
}
