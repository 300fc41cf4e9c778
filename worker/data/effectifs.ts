/**
 * "Mes effectifs": one row per dossier of an organisme and its formateurs — the applied effectifs (with their
 * latest outcome, which may be invalid) and the dossiers never applied (invalid, or held until confirmation).
 * Paged and filtered in SQL so that 10,000 rows cost one page.
 */
import { and, eq, sql } from "drizzle-orm";
import { dossiersRecus, effectifs } from "../../db/schema";
import type { DossierNormalise } from "../domain/dossier";
import type { EffectifListRow } from "../domain/effectifs-liste";
import { STATUT_LABELS } from "../domain/labels";
import type { ParcoursEntry } from "../domain/parcours";
import type { Database } from "./db";

export const EFFECTIF_FILTERS = ["formation", "apprenant", "statut", "employeur", "debut", "fin", "etat"] as const;
export type EffectifFilters = Partial<Record<(typeof EFFECTIF_FILTERS)[number], string>>;

const statutLabelSql = (column: string) =>
  `CASE ${column} ${Object.entries(STATUT_LABELS)
    .map(([code, label]) => `WHEN '${code}' THEN '${label.replaceAll("'", "''")}'`)
    .join(" ")} END`;
const dateFrSql = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE substr(${column}, 9, 2) || '/' || substr(${column}, 6, 2) || '/' || substr(${column}, 1, 4) END`;

const ETAT_EFFECTIF_SQL = "CASE WHEN d.outcome = 'invalid' THEN 'Invalide pour TBA' ELSE 'Transmis sur TBA' END";
const ETAT_RECU_SQL = "CASE WHEN d.outcome = 'held' THEN 'En attente de confirmation' ELSE 'Invalide pour TBA' END";
const REPORT_JOIN_SQL =
  "LEFT JOIN dossiers_recus d ON d.organisme_id = e.organisme_id AND d.identity = e.annee_scolaire || '|' || e.id_erp_apprenant";
const STATUT_JOIN_SQL =
  "LEFT JOIN effectif_statuts s ON s.effectif_id = e.id AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)";

const SEARCHABLE: [name: string, effectif: string, recu: string][] = [
  ["formation", "e.libelle_formation", "d.libelle_formation"],
  ["employeur", "e.employeur", "d.held_data ->> '$.siret_employeur'"],
  ["debut", dateFrSql("e.contrat_debut"), dateFrSql("(d.held_data ->> '$.contrat_date_debut')")],
  ["fin", dateFrSql("e.contrat_fin"), dateFrSql("(d.held_data ->> '$.contrat_date_fin')")],
  ["statut", statutLabelSql("s.statut"), "NULL"],
  ["etat", ETAT_EFFECTIF_SQL, ETAT_RECU_SQL],
];

/** The columns Mes effectifs sorts by (`tri`), apprenant by default. */
export const EFFECTIF_TRIS = [
  "formation",
  "apprenant",
  "statut",
  "employeur",
  "debut",
  "fin",
  "etat",
  "organisme",
] as const;
export type EffectifTri = (typeof EFFECTIF_TRIS)[number];

const ORGANISME_NOM_SQL = (column: string) =>
  `(SELECT coalesce(o.enseigne, o.raison_sociale) FROM organismes o WHERE o.id = ${column})`;

/** The sort key of a column: [of an effectif, of a dossier never applied] (dates as ISO, not as shown). */
const SORT_KEYS: Record<Exclude<EffectifTri, "apprenant">, [effectif: string, recu: string]> = {
  formation: ["e.libelle_formation", "d.libelle_formation"],
  statut: [statutLabelSql("s.statut"), "NULL"],
  employeur: ["e.employeur", "d.held_data ->> '$.siret_employeur'"],
  debut: ["e.contrat_debut", "d.held_data ->> '$.contrat_date_debut'"],
  fin: ["e.contrat_fin", "d.held_data ->> '$.contrat_date_fin'"],
  etat: [ETAT_EFFECTIF_SQL, ETAT_RECU_SQL],
  organisme: [ORGANISME_NOM_SQL("e.organisme_id"), ORGANISME_NOM_SQL("d.organisme_id")],
};

/**
 * The candidate rows: every dossier of the scope with its sort key `k` (unless it is the name), and the searched
 * columns only when a search needs them (the statut and the report's outcome of an effectif cost two lookups per
 * row). The page's 50 rows get their display columns afterwards (pageSql), so a first page over 10,000 effectifs sorts narrow rows only.
 * ?1 is the date, ?2 the scope as a JSON array (one parameter, whatever the number of formateurs).
 */
function candidatesSql(searched: ReadonlySet<string>, tri: EffectifTri): string {
  const needs = (name: string) => searched.has(name) || tri === name;
  const joins = [needs("statut") ? STATUT_JOIN_SQL : "", needs("etat") ? REPORT_JOIN_SQL : ""].join(" ");
  // [column of an effectif, column of a dossier never applied], for the searched columns only.
  const columns = SEARCHABLE.filter(([name]) => searched.has(name)).map(([name, effectif, recu]) => [
    `, ${effectif} AS ${name}`,
    `, ${recu}`,
  ]);
  // The default sort (apprenant) sorts on the name itself: no second copy of it in every row.
  const [cleEffectif, cleRecu] = tri === "apprenant" ? ["", ""] : SORT_KEYS[tri].map((sql) => `, ${sql}`);
  return `
    SELECT e.id AS effectifId, e.organisme_id AS organismeId, e.annee_scolaire || '|' || e.id_erp_apprenant AS identity,
           e.nom || ' ' || e.prenom AS apprenant${cleEffectif && `${cleEffectif} AS k`}${columns.map((c) => c[0]).join("")}
      FROM effectifs e ${joins}
     WHERE e.organisme_id IN (SELECT value FROM json_each(?2))
    UNION ALL
    SELECT NULL, d.organisme_id, d.identity, COALESCE(d.nom, '') || ' ' || COALESCE(d.prenom, '')${cleRecu}${columns.map((c) => c[1]).join("")}
      FROM dossiers_recus d
     WHERE d.organisme_id IN (SELECT value FROM json_each(?2)) AND d.outcome IN ('invalid', 'held')
       AND NOT EXISTS (SELECT 1 FROM effectifs x WHERE x.organisme_id = d.organisme_id AND x.annee_scolaire = d.annee_scolaire
                                                  AND x.id_erp_apprenant = d.id_erp_apprenant)`;
}

/** The sort key's column in the candidate rows: the name itself, or `k`. */
const sortColumn = (tri: EffectifTri) => (tri === "apprenant" ? "apprenant" : "k");

/**
 * Stable: the key (empty ones last, whatever the direction; a name is never empty), then the identity. `reverse`:
 * the exact reverse of that order (a total order), to read a page near the end from the end.
 */
const orderSql = (prefix: string, tri: EffectifTri, ordre: "asc" | "desc", reverse = false) => {
  const k = `${prefix}${sortColumn(tri)}`;
  const up = reverse ? " DESC" : "";
  const direction = (ordre === "desc") !== reverse ? "DESC" : "ASC";
  return `${tri === "apprenant" ? "" : `${k} IS NULL${up}, `}${k} COLLATE NOCASE ${direction}, ${prefix}identity${up}, ${prefix}organismeId${up}`;
};

/**
 * The page's rows with their display columns: from the effectif and its report row (d), or — for a dossier never
 * applied (invalid or held) — from its report row alone.
 */
const pageSql = (tri: EffectifTri, ordre: "asc" | "desc") => `
    SELECT p.effectifId, p.organismeId, p.identity, p.apprenant,
           ${ORGANISME_NOM_SQL("p.organismeId")} AS organisme,
           CASE WHEN p.effectifId IS NULL THEN d.libelle_formation ELSE e.libelle_formation END AS formation,
           ${dateFrSql("CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.date_entree_formation' ELSE e.date_entree_formation END")} AS formationDebut,
           ${dateFrSql("CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.date_fin_formation' ELSE e.date_fin_formation END")} AS formationFin,
           CASE WHEN p.effectifId IS NULL
                THEN COALESCE('CFD ' || (d.held_data ->> '$.formation_cfd'), 'RNCP ' || (d.held_data ->> '$.formation_rncp'))
                ELSE COALESCE('CFD ' || e.formation_cfd, 'RNCP ' || e.formation_rncp) END AS diplome,
           CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.sexe_apprenant' ELSE e.data ->> '$.sexe_apprenant' END AS sexe,
           CASE WHEN p.effectifId IS NULL THEN NULL ELSE ${statutLabelSql("s.statut")} END AS statut,
           CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.siret_employeur' ELSE e.employeur END AS employeur,
           ${dateFrSql("CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.contrat_date_debut' ELSE e.contrat_debut END")} AS debut,
           ${dateFrSql("CASE WHEN p.effectifId IS NULL THEN d.held_data ->> '$.contrat_date_fin' ELSE e.contrat_fin END")} AS fin,
           CASE WHEN p.effectifId IS NULL THEN ${ETAT_RECU_SQL} ELSE ${ETAT_EFFECTIF_SQL} END AS etat,
           COALESCE(d.errors, '[]') AS erreurs,
           CASE WHEN p.effectifId IS NULL THEN d.received_at ELSE e.updated_at END AS majLe
      FROM page p
      LEFT JOIN effectifs e ON e.id = p.effectifId
      LEFT JOIN effectif_statuts s ON s.effectif_id = p.effectifId AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)
      LEFT JOIN dossiers_recus d ON d.organisme_id = p.organismeId AND d.identity = p.identity
     ORDER BY ${orderSql("p.", tri, ordre)}`;

/** From this offset on, the count is read first and a page in the second half is read from the end. */
const DEEP_OFFSET = 1000;

/** Case- and accent-insensitive enough for a search box: LIKE is case-insensitive for ASCII in SQLite. */
function filterSql(filters: EffectifFilters): { where: string; params: string[]; searched: Set<string> } {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const name of EFFECTIF_FILTERS) {
    const value = filters[name]?.trim();
    if (!value) continue;
    clauses.push(`COALESCE(${name}, '') LIKE ? ESCAPE '\\'`);
    params.push(`%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  const searched = new Set(EFFECTIF_FILTERS.filter((name) => filters[name]?.trim()));
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params, searched };
}

export async function listEffectifs(
  db: Database,
  organismeIds: string[],
  options: {
    date: string;
    filters: EffectifFilters;
    offset: number;
    limit: number;
    tri?: EffectifTri;
    ordre?: "asc" | "desc";
  },
): Promise<{ total: number; rows: EffectifListRow[] }> {
  const { where, params, searched } = filterSql(options.filters);
  const tri = options.tri ?? "apprenant";
  const ordre = options.ordre ?? "asc";
  // The filters' anonymous parameters number on after ?2.
  const rows = `rows AS (SELECT * FROM (${candidatesSql(searched, tri)}) ${where})`;
  const bind = [options.date, JSON.stringify(organismeIds), ...params];
  // Measured path (a first page over 10,000 effectifs, narrow rows sorted then widened): hand-tuned SQL.
  const d1 = db.$client;
  const countStatement = d1.prepare(`WITH ${rows} SELECT count(*) AS n FROM rows`).bind(...bind);
  const pageStatement = (reverse: boolean, limit: number, offset: number) =>
    d1
      .prepare(
        `WITH ${rows}, page AS (SELECT effectifId, organismeId, identity, apprenant${tri === "apprenant" ? "" : ", k"} FROM rows
                                 ORDER BY ${orderSql("", tri, ordre, reverse)} LIMIT ? OFFSET ?) ${pageSql(tri, ordre)}`,
      )
      .bind(...bind, limit, offset);
  type PageRow = Omit<EffectifListRow, "erreurs"> & { erreurs: string };
  let total: number;
  let page: D1Result<PageRow>;
  if (options.offset < DEEP_OFFSET) {
    const [count, first] = await d1.batch<{ n: number } | PageRow>([
      countStatement,
      pageStatement(false, options.limit, options.offset),
    ]);
    total = (count.results[0] as { n: number } | undefined)?.n ?? 0;
    page = first as D1Result<PageRow>;
  } else {
    // A page in the second half is read from the end, in the reverse order: the sort keeps `limit` rows plus the
    // few after the page instead of every row before it (the last page of 100,000 rows sorted 100,000 of them).
    total = (await countStatement.first<{ n: number }>())?.n ?? 0;
    const fromEnd = total - options.offset - options.limit;
    page =
      fromEnd < options.offset
        ? await pageStatement(
            true,
            Math.max(0, options.limit + Math.min(0, fromEnd)),
            Math.max(0, fromEnd),
          ).all<PageRow>()
        : await pageStatement(false, options.limit, options.offset).all<PageRow>();
  }
  const pageRows = page.results.map((row) => ({
    ...row,
    erreurs: JSON.parse(row.erreurs) as EffectifListRow["erreurs"],
  }));
  return { total, rows: pageRows };
}

/** One dossier as its detail shows it: its data, its parcours and its latest outcome and errors (cold path). */
export async function findDossier(db: Database, effectifId: string) {
  const row = await db
    .select({
      id: effectifs.id,
      organismeId: effectifs.organismeId,
      anneeScolaire: effectifs.anneeScolaire,
      idErpApprenant: effectifs.idErpApprenant,
      data: effectifs.data,
      parcours: effectifs.parcours,
      majLe: effectifs.updatedAt,
      source: effectifs.source,
      errors: dossiersRecus.errors,
      outcome: dossiersRecus.outcome,
    })
    .from(effectifs)
    .leftJoin(
      dossiersRecus,
      and(
        eq(dossiersRecus.organismeId, effectifs.organismeId),
        eq(dossiersRecus.identity, sql`${effectifs.anneeScolaire} || '|' || ${effectifs.idErpApprenant}`),
      ),
    )
    .where(eq(effectifs.id, effectifId))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    organismeId: row.organismeId,
    anneeScolaire: row.anneeScolaire,
    idErpApprenant: row.idErpApprenant,
    majLe: row.majLe,
    dossier: JSON.parse(row.data) as DossierNormalise,
    parcours: JSON.parse(row.parcours) as ParcoursEntry[],
    erreurs: JSON.parse(row.errors ?? "[]") as EffectifListRow["erreurs"],
    invalide: row.outcome === "invalid",
    source: row.source,
  };
}
