/**
 * "Mes effectifs": one row per dossier of an organisme and its formateurs — the applied effectifs (with their
 * latest outcome, which may be invalid) and the dossiers never applied (invalid, or held until confirmation).
 * Paged and filtered in SQL so that 10,000 rows cost one page.
 */
import { STATUT_LABELS } from "../domain/labels";
import type { EffectifListRow } from "../domain/effectifs-liste";

export const EFFECTIF_FILTERS = ["formation", "apprenant", "statut", "employeur", "debut", "fin", "etat"] as const;
export type EffectifFilters = Partial<Record<(typeof EFFECTIF_FILTERS)[number], string>>;


const statutLabelSql = (column: string) =>
  `CASE ${column} ${Object.entries(STATUT_LABELS).map(([code, label]) => `WHEN '${code}' THEN '${label.replaceAll("'", "''")}'`).join(" ")} END`;
const dateFrSql = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE substr(${column}, 9, 2) || '/' || substr(${column}, 6, 2) || '/' || substr(${column}, 1, 4) END`;

const ETAT_EFFECTIF_SQL = "CASE WHEN d.outcome = 'invalid' THEN 'Invalide pour TBA' ELSE 'Transmis sur TBA' END";
const JOINS_EFFECTIF_SQL = `
      LEFT JOIN effectif_statuts s ON s.effectif_id = e.id AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)
      LEFT JOIN dossiers_recus d ON d.organisme_id = e.organisme_id AND d.identity = e.annee_scolaire || '|' || e.id_erp_apprenant`;

/**
 * The candidate rows, narrow: the statut and the report's outcome of an effectif cost two lookups per row, so they
 * are joined here only when a filter needs them, and otherwise only for the page shown.
 * ?1 is the date, ?2 the scope as a JSON array (one parameter, whatever the number of formateurs).
 */
const candidatesSql = (withJoins: boolean) => `
    SELECT e.id AS effectifId, e.organisme_id AS organismeId, e.annee_scolaire || '|' || e.id_erp_apprenant AS identity,
           e.libelle_formation AS formation, e.nom || ' ' || e.prenom AS apprenant, e.employeur,
           ${dateFrSql("e.contrat_debut")} AS debut, ${dateFrSql("e.contrat_fin")} AS fin, e.updated_at AS majLe,
           ${withJoins ? statutLabelSql("s.statut") : "NULL"} AS statut, ${withJoins ? ETAT_EFFECTIF_SQL : "NULL"} AS etat, NULL AS erreurs
      FROM effectifs e ${withJoins ? JOINS_EFFECTIF_SQL : ""}
     WHERE e.organisme_id IN (SELECT value FROM json_each(?2))
    UNION ALL
    SELECT NULL, d.organisme_id, d.identity, d.libelle_formation, COALESCE(d.nom, '') || ' ' || COALESCE(d.prenom, ''),
           d.held_data ->> '$.siret_employeur', ${dateFrSql("(d.held_data ->> '$.contrat_date_debut')")},
           ${dateFrSql("(d.held_data ->> '$.contrat_date_fin')")}, d.received_at,
           NULL, CASE WHEN d.outcome = 'held' THEN 'En attente de confirmation' ELSE 'Invalide pour TBA' END, d.errors
      FROM dossiers_recus d
     WHERE d.organisme_id IN (SELECT value FROM json_each(?2)) AND d.outcome IN ('invalid', 'held')
       AND NOT EXISTS (SELECT 1 FROM effectifs x WHERE x.organisme_id = d.organisme_id AND x.annee_scolaire = d.annee_scolaire
                                                  AND x.id_erp_apprenant = d.id_erp_apprenant)`;

/** The page's rows completed with what the candidates left out (statut, outcome and errors of effectifs). */
const PAGE_SQL = `
    SELECT p.effectifId, p.organismeId, p.identity, p.formation, p.apprenant,
           CASE WHEN p.effectifId IS NULL THEN NULL ELSE ${statutLabelSql("s.statut")} END AS statut,
           p.employeur, p.debut, p.fin,
           CASE WHEN p.effectifId IS NULL THEN p.etat ELSE ${ETAT_EFFECTIF_SQL} END AS etat,
           COALESCE(CASE WHEN p.effectifId IS NULL THEN p.erreurs ELSE d.errors END, '[]') AS erreurs, p.majLe
      FROM page p
      LEFT JOIN effectif_statuts s ON s.effectif_id = p.effectifId AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)
      LEFT JOIN dossiers_recus d ON d.organisme_id = p.organismeId AND d.identity = p.identity
     ORDER BY p.rang`;

/** Case- and accent-insensitive enough for a search box: LIKE is case-insensitive for ASCII in SQLite. */
function filterSql(filters: EffectifFilters): { where: string; params: string[]; needsJoins: boolean } {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const name of EFFECTIF_FILTERS) {
    const value = filters[name]?.trim();
    if (!value) continue;
    clauses.push(`COALESCE(${name}, '') LIKE ? ESCAPE '\\'`);
    params.push(`%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  const needsJoins = Boolean(filters.statut?.trim() || filters.etat?.trim());
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params, needsJoins };
}

export async function listEffectifs(
  db: D1Database,
  organismeIds: string[],
  options: { date: string; filters: EffectifFilters; offset: number; limit: number },
): Promise<{ total: number; rows: EffectifListRow[] }> {
  const { where, params, needsJoins } = filterSql(options.filters);
  // The filters' anonymous parameters number on after ?2.
  const rows = `rows AS (SELECT * FROM (${candidatesSql(needsJoins)}) ${where})`;
  const bind = [options.date, JSON.stringify(organismeIds), ...params];
  const [count, page] = await db.batch<{ n: number } | (Omit<EffectifListRow, "erreurs"> & { erreurs: string })>([
    db.prepare(`WITH ${rows} SELECT count(*) AS n FROM rows`).bind(...bind),
    db
      .prepare(
        `WITH ${rows}, page AS (SELECT *, row_number() OVER (ORDER BY apprenant COLLATE NOCASE, identity) AS rang FROM rows
                                 ORDER BY apprenant COLLATE NOCASE, identity LIMIT ? OFFSET ?) ${PAGE_SQL}`,
      )
      .bind(...bind, options.limit, options.offset),
  ]);
  const total = (count.results[0] as { n: number } | undefined)?.n ?? 0;
  const pageRows = (page.results as (Omit<EffectifListRow, "erreurs"> & { erreurs: string })[]).map((row) => ({
    ...row,
    erreurs: JSON.parse(row.erreurs) as EffectifListRow["erreurs"],
  }));
  return { total, rows: pageRows };
}
