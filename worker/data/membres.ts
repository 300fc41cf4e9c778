/**
 * The members of an organisation and their invitations ("Mon organisation", drizzle builders). The first validated
 * user of an organisation is its administrateur, and an organisation always keeps one: a demotion or a removal is
 * one conditional statement that refuses to touch the last active administrateur. Each change is written in the
 * same batch as its audit row; only the SHA-256 of an invitation's token is stored.
 */
import { and, asc, eq, gt, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { auditLog, invitations, organisations, sessions, users } from "../../db/schema";
import type { RoleOrganisation } from "../domain/membres";
import { insertAudit, type AuditEntry } from "./audit-log";
import type { Database } from "./db";

export type Invitation = typeof invitations.$inferSelect;

/**
 * The role of a user being validated (an UPDATE of `users`): administrateur when no active user of their
 * organisation is one (the first validated user, or an organisation that lost its last), else `sinon`.
 */
export const roleDuPremierValide = (sinon: SQL | RoleOrganisation = "membre"): SQL =>
  sql`CASE WHEN EXISTS (SELECT 1 FROM "users" AS "a" WHERE "a"."organisation_id" = "users"."organisation_id"
    AND "a"."status" = 'active' AND "a"."role" = 'administrateur') THEN ${sinon} ELSE 'administrateur' END`;

/** Another active administrateur than the user of the row being changed (an UPDATE of `users`). */
const autreAdministrateur = sql`EXISTS (SELECT 1 FROM "users" AS "a" WHERE "a"."organisation_id" = "users"."organisation_id"
  AND "a"."id" <> "users"."id" AND "a"."status" = 'active' AND "a"."role" = 'administrateur')`;

/** The organisation as Mon organisation names it. */
export const findOrganisationDe = (db: Database, organisationId: string) =>
  db
    .select({
      id: organisations.id,
      label: organisations.label,
      type: organisations.type,
      organismeId: organisations.organismeId,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();

/** The organisation's users but the removed ones, administrateurs first, then by name. */
export const listMembres = (db: Database, organisationId: string) =>
  db
    .select({
      id: users.id,
      civilite: users.civilite,
      prenom: users.prenom,
      nom: users.nom,
      email: users.email,
      role: users.role,
      status: users.status,
      validatedAt: users.validatedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), ne(users.status, "disabled")))
    .orderBy(
      sql`${users.role} = 'membre'`,
      sql`${users.nom} COLLATE NOCASE`,
      sql`${users.prenom} COLLATE NOCASE`,
      asc(users.id),
    )
    .all();

/** One user of the organisation, removed or not. */
export const findMembre = (db: Database, organisationId: string, userId: string) =>
  db
    .select({
      id: users.id,
      email: users.email,
      civilite: users.civilite,
      prenom: users.prenom,
      nom: users.nom,
      role: users.role,
      status: users.status,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.id, userId)))
    .get();

export type Membre = NonNullable<Awaited<ReturnType<typeof findMembre>>>;

/** The active administrateurs of the organisation. */
export const countAdministrateurs = async (db: Database, organisationId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(
        and(eq(users.organisationId, organisationId), eq(users.status, "active"), eq(users.role, "administrateur")),
      )
      .get()
  )?.n ?? 0;

const enAttente = (now: string) =>
  and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** The organisation's invitations neither used, revoked nor expired at `now`, newest first, with who sent them. */
export const listInvitationsEnAttente = (db: Database, organisationId: string, now: string) =>
  db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitePar: sql<string>`coalesce(${users.prenom} || ' ' || ${users.nom}, '')`,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.organisationId, organisationId), enAttente(now)))
    .orderBy(sql`${invitations.createdAt} DESC`, asc(invitations.id))
    .all();

/**
 * Records an invitation; the organisation's earlier invitations of the same e-mail still pending are revoked (the
 * new link replaces them), in the same batch as the audit row.
 */
export async function insertInvitation(
  db: Database,
  invitation: Omit<Invitation, "usedAt" | "revokedAt">,
  audit: AuditEntry,
) {
  await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: invitation.createdAt })
      .where(
        and(
          eq(invitations.organisationId, invitation.organisationId),
          eq(invitations.email, invitation.email),
          enAttente(invitation.createdAt),
        ),
      ),
    db.insert(invitations).values(invitation),
    insertAudit(db, audit),
  ]);
}

/** Revokes a pending invitation of the organisation; false when there is none of that id still pending. */
export async function revokeInvitation(
  db: Database,
  organisationId: string,
  id: string,
  now: string,
  audit: (email: string) => AuditEntry,
): Promise<boolean> {
  const invitation = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.organisationId, organisationId), enAttente(now)))
    .get();
  if (!invitation) return false;
  const [revoked] = await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, id), enAttente(now)))
      .returning({ id: invitations.id }),
    insertAudit(db, audit(invitation.email)),
  ]);
  return revoked.length > 0;
}

/** The invitation of a token's hash if it can still be used at `now`, with its organisation. */
export const findInvitationValable = (db: Database, tokenHash: string, now: string) =>
  db
    .select({
      id: invitations.id,
      organisationId: invitations.organisationId,
      email: invitations.email,
      role: invitations.role,
      invitedBy: invitations.invitedBy,
      expiresAt: invitations.expiresAt,
      organisationLabel: organisations.label,
      organismeId: organisations.organismeId,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, tokenHash), enAttente(now)))
    .get();

export type InvitationValable = NonNullable<Awaited<ReturnType<typeof findInvitationValable>>>;

/**
 * Marks the invitation used if it still can be at `now`; marking it is the claim: only one request flips used_at
 * from NULL, so a link is used once.
 */
export async function claimInvitation(db: Database, id: string, now: string): Promise<boolean> {
  const claimed = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, id), enAttente(now)))
    .returning({ id: invitations.id });
  return claimed.length > 0;
}

/** Gives a claimed invitation back (the account it was claimed for could not be created). */
export const releaseInvitation = (db: Database, id: string) =>
  db.update(invitations).set({ usedAt: null }).where(eq(invitations.id, id)).run();

/**
 * Puts an existing account (logged in, its e-mail the invitation's) into the invitation's organisation with its
 * role, active; validated by the one who invited if it never was.
 */
export async function joinOrganisation(db: Database, userId: string, invitation: InvitationValable, audit: AuditEntry) {
  const at = audit.at ?? new Date().toISOString();
  await db.batch([
    db
      .update(users)
      .set({
        organisationId: invitation.organisationId,
        role: invitation.role,
        status: "active",
        validatedAt: sql`COALESCE(${users.validatedAt}, ${at})`,
        validatedBy: sql`COALESCE(${users.validatedBy}, ${invitation.invitedBy})`,
      })
      .where(eq(users.id, userId)),
    insertAudit(db, audit),
  ]);
}

/**
 * Gives a member removed from the invitation's organisation their account back: the identity and password chosen
 * on the invitation's page, its role, active again.
 */
export async function reactiverMembreInvite(
  db: Database,
  userId: string,
  invitation: InvitationValable,
  compte: { civilite: string; prenom: string; nom: string; passwordHash: string },
  audit: AuditEntry,
) {
  await db.batch([
    db
      .update(users)
      .set({ ...compte, role: invitation.role, status: "active" })
      .where(and(eq(users.id, userId), eq(users.organisationId, invitation.organisationId))),
    insertAudit(db, audit),
  ]);
}

/**
 * Changes a member's role. A demotion refuses the last active administrateur (one conditional statement); false
 * when nothing changed for that reason.
 */
export async function changeRole(
  db: Database,
  organisationId: string,
  userId: string,
  role: RoleOrganisation,
  audit: AuditEntry,
): Promise<boolean> {
  const where = and(
    eq(users.id, userId),
    eq(users.organisationId, organisationId),
    ne(users.status, "disabled"),
    role === "membre" ? sql`(${users.role} = 'membre' OR ${autreAdministrateur})` : undefined,
  );
  const [updated] = await db.batch([
    db.update(users).set({ role }).where(where).returning({ id: users.id }),
    insertAuditIfUser(db, userId, sql`${users.role} = ${role}`, audit),
  ]);
  return updated.length > 0;
}

/**
 * Removes a member from the organisation: status disabled, their sessions deleted, in one batch; the last active
 * administrateur is refused (nothing changes). Returns the ended sessions' hashes, or null when refused or not
 * found; the caller closes the live sockets.
 */
export async function retirerMembre(
  db: Database,
  organisationId: string,
  userId: string,
  audit: AuditEntry,
): Promise<string[] | null> {
  const [updated, ended] = await db.batch([
    db
      .update(users)
      .set({ status: "disabled" })
      .where(
        and(
          eq(users.id, userId),
          eq(users.organisationId, organisationId),
          ne(users.status, "disabled"),
          sql`(${users.role} = 'membre' OR ${users.status} <> 'active' OR ${autreAdministrateur})`,
        ),
      )
      .returning({ id: users.id }),
    // Only when the statement above did remove them (their status is now disabled).
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          inArray(
            sessions.userId,
            db
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.id, userId), eq(users.status, "disabled"))),
          ),
        ),
      )
      .returning({ tokenHash: sessions.tokenHash }),
    insertAuditIfUser(db, userId, sql`${users.status} = 'disabled'`, audit),
  ]);
  return updated.length > 0 ? ended.map((s) => s.tokenHash) : null;
}

/** The audit row, written only if the user's row now satisfies `condition` (the change before it happened). */
const insertAuditIfUser = (db: Database, userId: string, condition: SQL, audit: AuditEntry) =>
  db.insert(auditLog).select(
    db
      .select({
        id: sql<number>`NULL`.as("id"),
        organismeId: sql<string | null>`${audit.organismeId ?? null}`.as("organisme_id"),
        userId: sql<string | null>`${audit.userId ?? null}`.as("user_id"),
        actor: sql<string>`${audit.actor}`.as("actor"),
        action: sql<string>`${audit.action}`.as("action"),
        detail: sql<string | null>`${audit.detail ?? null}`.as("detail"),
        at: sql<string>`${audit.at ?? new Date().toISOString()}`.as("at"),
      })
      .from(users)
      .where(and(eq(users.id, userId), condition)),
  );
