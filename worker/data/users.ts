/** Users: sign-up, login, the account as the web app sees it, validation of pending accounts, password change. */
import { and, asc, eq, ne, or } from "drizzle-orm";
import { missionsLocales, organisations, organismes, users } from "../../db/schema";
import { insertAudit } from "./audit-log";
import type { Database } from "./db";
import { deleteUserPasswordResets } from "./password-resets";
import { roleDuPremierValide } from "./membres";
import { deleteUserSessions } from "./sessions";

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const isEmailTaken = async (db: Database, email: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) !== undefined;

/**
 * Inserts the user unless its e-mail is taken (ON CONFLICT DO NOTHING: two simultaneous sign-ups with one e-mail
 * end in one account); true when this call created it.
 */
export async function insertUserIfEmailFree(db: Database, user: NewUser): Promise<boolean> {
  const result = await db.insert(users).values(user).onConflictDoNothing().run();
  return result.meta.changes > 0;
}

/** What a login checks. */
export const findLogin = (db: Database, email: string) =>
  db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .get();

/** Whom a password reset link may be sent to: any account of that e-mail but a disabled one. */
export const findResettable = (db: Database, email: string) =>
  db
    .select({ id: users.id, email: users.email, civilite: users.civilite, prenom: users.prenom, nom: users.nom })
    .from(users)
    .where(and(eq(users.email, email), ne(users.status, "disabled")))
    .get();

/** The user as the session routes describe them (`Me` of worker/domain/comptes.ts, checked on the routes). */
export const findMe = (db: Database, userId: string) =>
  db
    .select({
      id: users.id,
      email: users.email,
      civilite: users.civilite,
      prenom: users.prenom,
      nom: users.nom,
      status: users.status,
      isAdmin: users.isAdmin,
      role: users.role,
      organisationType: organisations.type,
      organisationLabel: organisations.label,
      organismeId: organisations.organismeId,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();

/** The e-mails of an organisation's active members. */
export const activeMemberEmails = (db: Database, organisationId: string) =>
  db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.status, "active")))
    .all();

/** The e-mails of the active administrators (an admin flag or a member of the administration). */
export const activeAdministratorEmails = (db: Database) =>
  db
    .select({ email: users.email })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.status, "active"), or(eq(users.isAdmin, true), eq(organisations.type, "ADMINISTRATEUR"))))
    .all();

/**
 * Sets the password and ends every open session and every reset link of the user, in one batch; returns the hashes
 * of the ended sessions (whose live sockets the caller closes).
 */
export async function changePassword(db: Database, userId: string, passwordHash: string): Promise<string[]> {
  const [, ended] = await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    // Whoever knew the old password is out.
    deleteUserSessions(db, userId),
    // The other links sent before this one must not set the password again.
    deleteUserPasswordResets(db, userId),
  ]);
  return ended.map((session) => session.tokenHash);
}

// --- Pending accounts (validated by a member of the same organisation or an administrator) ---

const pendingColumns = {
  id: users.id,
  email: users.email,
  civilite: users.civilite,
  prenom: users.prenom,
  nom: users.nom,
  fonction: users.fonction,
  createdAt: users.createdAt,
  organisationId: users.organisationId,
  organisationType: organisations.type,
  organisationLabel: organisations.label,
  organismeId: organisations.organismeId,
  // What names the organisation to the validator: its organisme's UAI/SIRET, its territory, réseau or Mission Locale.
  uai: organismes.uai,
  siret: organismes.siret,
  reseau: organisations.reseau,
  codeRegion: organisations.codeRegion,
  codeDepartement: organisations.codeDepartement,
  codeAcademie: organisations.codeAcademie,
  missionLocale: missionsLocales.nom,
};

const selectPending = (db: Database) =>
  db
    .select(pendingColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(organismes, eq(organismes.id, organisations.organismeId))
    .leftJoin(missionsLocales, eq(missionsLocales.id, organisations.missionLocaleId));

/** The pending accounts, of one organisation or (null) of all, oldest first. */
export const listPendingAccounts = (db: Database, organisationId: string | null) =>
  selectPending(db)
    .where(
      and(eq(users.status, "pending"), organisationId === null ? undefined : eq(users.organisationId, organisationId)),
    )
    .orderBy(asc(users.createdAt))
    .all();

export const findPendingAccount = (db: Database, userId: string) =>
  selectPending(db)
    .where(and(eq(users.status, "pending"), eq(users.id, userId)))
    .get();

export type PendingAccount = NonNullable<Awaited<ReturnType<typeof findPendingAccount>>>;

/** Who decides on a pending account, as the audit log names them. */
interface Validator {
  id: string;
  prenom: string;
  nom: string;
}

const auditDecision = (db: Database, compte: PendingAccount, validator: Validator, action: string, at: string) =>
  insertAudit(db, {
    organismeId: compte.organismeId,
    userId: validator.id,
    actor: `${validator.prenom} ${validator.nom}`,
    action,
    detail: compte.email,
    at,
  });

/**
 * Activates the pending account and records who did, in one batch; the first validated user of an organisation (none
 * of its active users is an administrateur) becomes its administrateur.
 */
export async function validatePendingAccount(db: Database, compte: PendingAccount, validator: Validator) {
  const now = new Date().toISOString();
  await db.batch([
    db
      .update(users)
      .set({
        status: "active",
        validatedAt: now,
        validatedBy: validator.id,
        role: roleDuPremierValide(),
      })
      .where(and(eq(users.id, compte.id), eq(users.status, "pending"))),
    auditDecision(db, compte, validator, "compte_valide", now),
  ]);
}

/** Deletes the pending account and its sessions (the audit log keeps the decision), in one batch. */
export async function refusePendingAccount(db: Database, compte: PendingAccount, validator: Validator) {
  await db.batch([
    deleteUserSessions(db, compte.id),
    db.delete(users).where(and(eq(users.id, compte.id), eq(users.status, "pending"))),
    auditDecision(db, compte, validator, "compte_refuse", new Date().toISOString()),
  ]);
}
