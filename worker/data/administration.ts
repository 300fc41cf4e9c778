/**
 * The administration's reads and changes (drizzle builders): users searched and their status changed, organismes
 * searched over the whole référentiel, the support view of one organisme and the transmission overview of all.
 */
import { and, asc, count, desc, eq, getTableName, isNotNull, isNull, lt, or, sql, type SQLWrapper } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { apiKeys, missionsLocales, organisations, organismes, transmissions, users } from "../../db/schema";
import type { EtatProcedureVue, ModeVue, StatutCompte } from "../domain/administration";
import { insertAudit, type AuditEntry } from "./audit-log";
import type { Database } from "./db";
import { roleDuPremierValide } from "./membres";
import { deleteUserSessions } from "./sessions";

// ── Users ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** A user with what names their organisation: its organisme's UAI/SIRET, its territory, réseau or Mission Locale. */
const utilisateurColumns = {
  id: users.id,
  email: users.email,
  civilite: users.civilite,
  prenom: users.prenom,
  nom: users.nom,
  fonction: users.fonction,
  status: users.status,
  isAdmin: users.isAdmin,
  createdAt: users.createdAt,
  validatedAt: users.validatedAt,
  organisationType: organisations.type,
  organisationLabel: organisations.label,
  organismeId: organisations.organismeId,
  uai: organismes.uai,
  siret: organismes.siret,
  reseau: organisations.reseau,
  codeRegion: organisations.codeRegion,
  codeDepartement: organisations.codeDepartement,
  codeAcademie: organisations.codeAcademie,
  missionLocale: missionsLocales.nom,
};

const selectUtilisateurs = (db: Database) =>
  db
    .select(utilisateurColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(organismes, eq(organismes.id, organisations.organismeId))
    .leftJoin(missionsLocales, eq(missionsLocales.id, organisations.missionLocaleId));

/** `%text%` for LIKE, its wildcards escaped (with ESCAPE '\'). */
const contient = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeEscaped = (column: SQLWrapper, pattern: string) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** The users matching `q` (e-mail, name, organisation's label, UAI or SIRET) and `statut`, newest first. */
export async function searchUtilisateurs(
  db: Database,
  filtres: { q?: string; statut?: StatutCompte },
  page: number,
  taille: number,
) {
  const q = filtres.q?.trim();
  const pattern = q ? contient(q) : null;
  const where = and(
    filtres.statut ? eq(users.status, filtres.statut) : undefined,
    pattern
      ? or(
          likeEscaped(users.email, pattern),
          likeEscaped(sql`${users.prenom} || ' ' || ${users.nom}`, pattern),
          likeEscaped(sql`${users.nom} || ' ' || ${users.prenom}`, pattern),
          likeEscaped(organisations.label, pattern),
          likeEscaped(missionsLocales.nom, pattern),
          eq(organismes.uai, q!.toUpperCase()),
          eq(organismes.siret, q!.replace(/[\s.-]/g, "")),
        )
      : undefined,
  );
  const [rows, [total]] = await db.batch([
    selectUtilisateurs(db)
      .where(where)
      .orderBy(desc(users.createdAt), asc(users.id))
      .limit(taille)
      .offset((page - 1) * taille),
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(organismes, eq(organismes.id, organisations.organismeId))
      .leftJoin(missionsLocales, eq(missionsLocales.id, organisations.missionLocaleId))
      .where(where),
  ]);
  return { utilisateurs: rows, total: total?.n ?? 0 };
}

export const findUtilisateur = (db: Database, id: string) => selectUtilisateurs(db).where(eq(users.id, id)).get();

export type UtilisateurRow = NonNullable<Awaited<ReturnType<typeof findUtilisateur>>>;

/** The users of an organisme's organisation (its OFA), for its support view. */
export const utilisateursOfOrganisme = (db: Database, organismeId: string) =>
  selectUtilisateurs(db)
    .where(and(eq(organisations.organismeId, organismeId), eq(organisations.type, "ORGANISME_FORMATION")))
    .orderBy(asc(users.nom), asc(users.prenom))
    .all();

/**
 * Deactivates the user (any status but disabled): their sessions deleted in the same batch as the status and the
 * audit row; false when there was nothing to deactivate. The caller closes their live sockets.
 */
export async function deactivateUser(db: Database, userId: string, audit: AuditEntry): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ status: "disabled" })
      .where(and(eq(users.id, userId), sql`${users.status} <> 'disabled'`))
      .returning({ id: users.id }),
    deleteUserSessions(db, userId),
    insertAudit(db, audit),
  ]);
  return updated.length > 0;
}

/** Reactivates a disabled user (validated now if they never were); false when they were not disabled. */
export async function reactivateUser(db: Database, userId: string, by: string, audit: AuditEntry): Promise<boolean> {
  const at = audit.at;
  const [updated] = await db.batch([
    db
      .update(users)
      .set({
        status: "active",
        // an organisation left without an administrateur gets this one back as its administrateur
        role: roleDuPremierValide(sql`${users.role}`),
        validatedAt: sql`COALESCE(${users.validatedAt}, ${at})`,
        validatedBy: sql`COALESCE(${users.validatedBy}, ${by})`,
      })
      .where(and(eq(users.id, userId), eq(users.status, "disabled")))
      .returning({ id: users.id }),
    insertAudit(db, audit),
  ]);
  return updated.length > 0;
}

// ── Organismes ──────────────────────────────────────────────────────────────────────────────────────────────────

const UAI = /^\d{7}[A-Z]$/;
const SIRET = /^\d{14}$/;

/**
 * A column named with its table, whatever the query: drizzle leaves the columns of a one-table query unqualified,
 * which a correlated subquery would read as its own table's.
 */
const q = (column: SQLiteColumn) => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

/** How many users an organisme's OFA has (a correlated count). */
const utilisateursCount = sql<number>`(SELECT count(*) FROM ${users} INNER JOIN ${organisations}
  ON ${q(organisations.id)} = ${q(users.organisationId)}
  WHERE ${q(organisations.organismeId)} = ${q(organismes.id)} AND ${q(organisations.type)} = 'ORGANISME_FORMATION')`.mapWith(
  Number,
);

/**
 * The organismes of an UAI, a SIRET (exact, whatever the spaces) or whose raison sociale or enseigne contains `q`,
 * over the whole référentiel; `limit + 1` rows are read to tell whether more matched.
 */
export async function searchOrganismes(db: Database, q: string, limit: number) {
  const texte = q.trim();
  const uai = texte.toUpperCase();
  const siret = texte.replace(/[\s.-]/g, "");
  const where = UAI.test(uai)
    ? eq(organismes.uai, uai)
    : SIRET.test(siret)
      ? eq(organismes.siret, siret)
      : or(likeEscaped(organismes.raisonSociale, contient(texte)), likeEscaped(organismes.enseigne, contient(texte)));
  const rows = await db
    .select({
      id: organismes.id,
      uai: organismes.uai,
      siret: organismes.siret,
      raisonSociale: organismes.raisonSociale,
      enseigne: organismes.enseigne,
      commune: organismes.commune,
      departement: organismes.departement,
      region: organismes.region,
      modeTransmission: organismes.modeTransmission,
      lastTransmissionAt: organismes.lastTransmissionAt,
      utilisateurs: utilisateursCount,
    })
    .from(organismes)
    .where(where)
    .orderBy(sql`${organismes.raisonSociale} COLLATE NOCASE`, asc(organismes.id))
    .limit(limit + 1)
    .all();
  return { organismes: rows.slice(0, limit), tronque: rows.length > limit };
}

/** Every key the organisme ever had, newest first. */
export const listKeys = (db: Database, organismeId: string) =>
  db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      revokedReason: apiKeys.revokedReason,
    })
    .from(apiKeys)
    .where(eq(apiKeys.organismeId, organismeId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(50)
    .all();

/** The organisme's latest pushes (ERP or file), newest first. */
export const latestTransmissions = (db: Database, organismeId: string, limit: number) =>
  db
    .select({
      id: transmissions.id,
      source: transmissions.source,
      receivedAt: transmissions.receivedAt,
      total: transmissions.total,
      created: transmissions.created,
      updated: transmissions.updated,
      unchanged: transmissions.unchanged,
      held: transmissions.held,
      invalid: transmissions.invalid,
    })
    .from(transmissions)
    .where(eq(transmissions.organismeId, organismeId))
    .orderBy(desc(transmissions.receivedAt))
    .limit(limit)
    .all();

// ── The transmission overview ───────────────────────────────────────────────────────────────────────────────────

/** An unrevoked key of the organisme exists (used: the ERP has used it). */
const cleActive = (used: boolean) =>
  sql`EXISTS (SELECT 1 FROM ${apiKeys} WHERE ${q(apiKeys.organismeId)} = ${q(organismes.id)}
    AND ${q(apiKeys.revokedAt)} IS NULL${used ? sql` AND ${q(apiKeys.lastUsedAt)} IS NOT NULL` : sql``})`;

/** Why the organisme's newest key was revoked (null: none, or not revoked). */
const derniereRevocation = sql`(SELECT ${q(apiKeys.revokedReason)} FROM ${apiKeys}
  WHERE ${q(apiKeys.organismeId)} = ${q(organismes.id)} ORDER BY ${q(apiKeys.createdAt)} DESC LIMIT 1)`;

/**
 * The procedure's state as D1 records it (the hub's own state is the authority, read by the support view; reading
 * every organisme's hub for a list is out of the question): an unrevoked key confirmed (the organisme configured),
 * used by the ERP (to be confirmed) or only generated; no key, the newest one refused, or nothing.
 */
const etatProcedure = sql<EtatProcedureVue>`CASE
  WHEN ${cleActive(false)} THEN CASE
    WHEN ${q(organismes.configuredAt)} IS NOT NULL THEN 'confirmed'
    WHEN ${cleActive(true)} THEN 'installed'
    ELSE 'key_generated' END
  WHEN ${derniereRevocation} = 'refused' THEN 'refused'
  ELSE 'none' END`;

const modeVue = sql<ModeVue>`COALESCE(${q(organismes.modeTransmission)}, 'none')`;

/** The last push's invalid dossiers over its dossiers ("invalid/total"), null before any push. */
const dernierPush = sql<string | null>`(SELECT ${q(transmissions.invalid)} || '/' || ${q(transmissions.total)}
  FROM ${transmissions} WHERE ${q(transmissions.organismeId)} = ${q(organismes.id)}
  ORDER BY ${q(transmissions.receivedAt)} DESC LIMIT 1)`;

export interface FiltresVue {
  erp?: string;
  etat?: EtatProcedureVue;
  mode?: ModeVue;
  region?: string;
  /** nothing received since this instant, though it transmitted before or chose a way to */
  inactifDepuis?: string;
}

const whereVue = (filtres: FiltresVue) =>
  and(
    filtres.erp ? eq(organismes.erp, filtres.erp) : undefined,
    filtres.etat ? sql`${etatProcedure} = ${filtres.etat}` : undefined,
    filtres.mode ? sql`${modeVue} = ${filtres.mode}` : undefined,
    filtres.region ? eq(organismes.region, filtres.region) : undefined,
    filtres.inactifDepuis
      ? or(
          lt(organismes.lastTransmissionAt, filtres.inactifDepuis),
          and(isNull(organismes.lastTransmissionAt), isNotNull(organismes.modeTransmission)),
        )
      : undefined,
  );

/**
 * One page of the overview (or every row, up to `taille`, for the export), the latest transmitters first, then
 * by raison sociale; with the count of the filtered organismes, in one batch.
 */
export async function vueTransmissions(db: Database, filtres: FiltresVue, page: number, taille: number) {
  const where = whereVue(filtres);
  const [rows, [total]] = await db.batch([
    db
      .select({
        id: organismes.id,
        uai: organismes.uai,
        siret: organismes.siret,
        raisonSociale: organismes.raisonSociale,
        region: organismes.region,
        mode: modeVue,
        erp: organismes.erp,
        erpAutre: organismes.erpAutre,
        etat: etatProcedure,
        clePresente: sql<boolean>`${cleActive(false)}`.mapWith((v) => v === 1),
        lastTransmissionAt: organismes.lastTransmissionAt,
        dernierPush,
      })
      .from(organismes)
      .where(where)
      .orderBy(
        sql`${organismes.lastTransmissionAt} IS NULL`,
        desc(organismes.lastTransmissionAt),
        sql`${organismes.raisonSociale} COLLATE NOCASE`,
        asc(organismes.id),
      )
      .limit(taille)
      .offset((page - 1) * taille),
    db.select({ n: count() }).from(organismes).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
