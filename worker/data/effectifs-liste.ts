/**
 * "Mes effectifs": one row per dossier of an organisme and its formateurs — the applied effectifs (with their
 * latest outcome, which may be invalid) and the dossiers never applied (invalid, or held until confirmation).
 * Paged, sorted and filtered in SQL.
 *
 * Measured path (bench part 8, 10,000 to 100,000 effectifs in one organisme): a page costs the same whatever the
 * organisme's size. The effectifs are read in the order of an index per sortable column (migration 0015,
 * `effectifs_liste_*`: organisme, then the column), each organisme of the scope stopping after the rows the page
 * needs; the dossiers never applied (few) are sorted apart, and the two merged. Ties go by the effectif's rowid
 * (its arrival), which every index holds: a total order, so "desc" is the exact reverse of "asc". The count of an
 * unfiltered list reads the per-organisme counts (migration 0017); a filtered one reads the rows the filter must
 * look at. The computed columns (statut, état, organisme)
 * have no index: sorting on them sorts every row.
 */
import type { EffectifListRow } from "../domain/effectifs-liste";
import { STATUT_LABELS } from "../domain/labels";
import type { EtatSuivi } from "../domain/missions-locales";
import type { Database } from "./db";
import { logNominativeAccess } from "./downloads-log";

export const EFFECTIF_FILTERS = ["formation", "apprenant", "statut", "employeur", "debut", "fin", "etat"] as const;
export type EffectifFilters = Partial<Record<(typeof EFFECTIF_FILTERS)[number], string>>;

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

const statutLabelSql = (column: string) =>
  `CASE ${column} ${Object.entries(STATUT_LABELS)
    .map(([code, label]) => `WHEN '${code}' THEN '${label.replaceAll("'", "''")}'`)
    .join(" ")} END`;
const dateFrSql = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE substr(${column}, 9, 2) || '/' || substr(${column}, 6, 2) || '/' || substr(${column}, 1, 4) END`;
const organismeNomSql = (column: string) =>
  `(SELECT coalesce(o.enseigne, o.raison_sociale) FROM organismes o WHERE o.id = ${column})`;

const ETAT_EFFECTIF_SQL = "CASE WHEN d.outcome = 'invalid' THEN 'Invalide pour TBA' ELSE 'Transmis sur TBA' END";
const ETAT_RECU_SQL = "CASE WHEN d.outcome = 'held' THEN 'En attente de confirmation' ELSE 'Invalide pour TBA' END";
const REPORT_JOIN_SQL =
  "LEFT JOIN dossiers_recus d ON d.organisme_id = e.organisme_id AND d.identity = e.annee_scolaire || '|' || e.id_erp_apprenant";
const STATUT_JOIN_SQL =
  "LEFT JOIN effectif_statuts s ON s.effectif_id = e.id AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)";
const SCOPE_SQL = "IN (SELECT value FROM json_each(?2))";
/** A dossier never applied: invalid or held, and no effectif of its identity. */
const RECU_SQL = `d.organisme_id ${SCOPE_SQL} AND d.outcome IN ('invalid', 'held')
  AND NOT EXISTS (SELECT 1 FROM effectifs x WHERE x.organisme_id = d.organisme_id AND x.annee_scolaire = d.annee_scolaire
                                             AND x.id_erp_apprenant = d.id_erp_apprenant)`;

const orEmpty = (expression: string) => `COALESCE(${expression}, '')`;

/**
 * What a filter searches: [of an effectif, of a dossier never applied], as the list shows it, never null (LIKE on
 * null is null). The effectif's name needs no COALESCE (nom and prénom are required), and is written exactly as
 * the index `effectifs_recherche_apprenant` (migration 0018) holds it: a search's count, which compares every
 * name, reads the text from that index instead of joining nom and prénom for each row.
 */
const SEARCHED: Record<(typeof EFFECTIF_FILTERS)[number], [effectif: string, recu: string]> = {
  apprenant: ["e.nom || ' ' || e.prenom", `${orEmpty("d.nom")} || ' ' || ${orEmpty("d.prenom")}`],
  formation: [orEmpty("e.libelle_formation"), orEmpty("d.libelle_formation")],
  employeur: [orEmpty("e.employeur"), orEmpty("d.held_data ->> '$.siret_employeur'")],
  debut: [orEmpty(dateFrSql("e.contrat_debut")), orEmpty(dateFrSql("(d.held_data ->> '$.contrat_date_debut')"))],
  fin: [orEmpty(dateFrSql("e.contrat_fin")), orEmpty(dateFrSql("(d.held_data ->> '$.contrat_date_fin')"))],
  statut: [orEmpty(statutLabelSql("s.statut")), "''"],
  etat: [ETAT_EFFECTIF_SQL, ETAT_RECU_SQL],
};

interface SortKey {
  /** one or two key columns: of an effectif, of a dossier never applied (dates as ISO, not as shown) */
  effectif: string[];
  recu: string[];
  nocase: boolean;
  /** never empty (a name): no "empty last" term, no read of the effectifs without a key */
  neverEmpty?: true;
  /** the index giving the effectifs in this order within an organisme (migration 0015); none: computed */
  index?: string;
}

const SORT_KEYS: Record<EffectifTri, SortKey> = {
  apprenant: {
    effectif: ["e.nom", "e.prenom"],
    recu: ["COALESCE(d.nom, '')", "COALESCE(d.prenom, '')"],
    nocase: true,
    neverEmpty: true,
    index: "effectifs_liste_nom",
  },
  formation: {
    effectif: ["e.libelle_formation"],
    recu: ["d.libelle_formation"],
    nocase: true,
    index: "effectifs_liste_formation",
  },
  employeur: {
    effectif: ["e.employeur"],
    recu: ["d.held_data ->> '$.siret_employeur'"],
    nocase: true,
    index: "effectifs_liste_employeur",
  },
  debut: {
    effectif: ["e.contrat_debut"],
    recu: ["d.held_data ->> '$.contrat_date_debut'"],
    nocase: false,
    index: "effectifs_liste_debut",
  },
  fin: {
    effectif: ["e.contrat_fin"],
    recu: ["d.held_data ->> '$.contrat_date_fin'"],
    nocase: false,
    index: "effectifs_liste_fin",
  },
  statut: { effectif: [statutLabelSql("s.statut")], recu: ["NULL"], nocase: true },
  etat: { effectif: [ETAT_EFFECTIF_SQL], recu: [ETAT_RECU_SQL], nocase: true },
  organisme: {
    effectif: [organismeNomSql("e.organisme_id")],
    recu: [organismeNomSql("d.organisme_id")],
    nocase: true,
  },
};

/**
 * The list's order over candidate rows (k1, k2: the key; t: the effectif's rowid, or the dossier's identity, so
 * that on a tie effectifs come before dossiers never applied; then the organisme): empty keys last whatever the
 * direction (a name is never empty). `reverse`: the exact reverse, to read a page near the end from the end.
 */
function orderSql(key: SortKey, prefix: string, descending: boolean, reverse: boolean): string {
  const dir = descending !== reverse ? " DESC" : "";
  const collate = key.nocase ? " COLLATE NOCASE" : "";
  const keys = key.effectif.map((_, i) => `${prefix}k${i + 1}${collate}${dir}`);
  const nulls = key.neverEmpty ? [] : [`${prefix}k1 IS NULL${reverse ? " DESC" : ""}`];
  return [...nulls, ...keys, `${prefix}t${dir}`, `${prefix}organismeId${dir}`].join(", ");
}

/** The candidate columns of an effectif (`e`) or a dossier never applied (`d`): rid, organismeId, k1, k2, t. */
const candidateColumns = (key: SortKey, source: "effectif" | "recu") =>
  [
    source === "effectif" ? "e.rowid AS rid" : "NULL AS rid",
    `${source === "effectif" ? "e" : "d"}.organisme_id AS organismeId`,
    ...[0, 1].map((i) => `${key[source][i] ?? "NULL"} AS k${i + 1}`),
    source === "effectif" ? "e.rowid AS t" : "d.identity AS t",
  ].join(", ");

interface Arms {
  key: SortKey;
  /** joins an effectif needs for the filters (and the sort key) */
  joins: string;
  /** filter clauses, of an effectif and of a dossier never applied */
  effectifWhere: string;
  recuWhere: string;
}

/**
 * The first `?n` rows of the list in its order (or the reverse), as the union of a few short reads, each already in
 * that order: the effectifs with a key, through the key's index (INDEXED BY: without statistics the planner may
 * prefer an index that does not give the order), those without one, and the dossiers never applied.
 */
function firstRowsSql(arms: Arms, descending: boolean, reverse: boolean, n: string): string {
  const { key, joins, effectifWhere, recuWhere } = arms;
  const dir = descending !== reverse ? " DESC" : "";
  const collate = key.nocase ? " COLLATE NOCASE" : "";
  const recus = `SELECT * FROM (SELECT ${candidateColumns(key, "recu")} FROM dossiers_recus d WHERE ${RECU_SQL}${recuWhere}
                  ORDER BY ${orderSql(key, "", descending, reverse)} LIMIT ${n})`;
  if (!key.index) {
    const effectifs = `SELECT * FROM (SELECT ${candidateColumns(key, "effectif")} FROM effectifs e ${joins}
                        WHERE e.organisme_id ${SCOPE_SQL}${effectifWhere} ORDER BY ${orderSql(key, "", descending, reverse)} LIMIT ${n})`;
    return `${effectifs} UNION ALL ${recus}`;
  }
  // The raw columns, so that the index's order is used and each organisme's walk stops after `n` rows.
  const keyOrder = key.effectif.map((column) => `${column}${collate}${dir}`).join(", ");
  const withKey = `SELECT * FROM (SELECT ${candidateColumns(key, "effectif")} FROM effectifs e INDEXED BY ${key.index} ${joins}
                    WHERE e.organisme_id ${SCOPE_SQL}${effectifWhere}${key.neverEmpty ? "" : ` AND ${key.effectif[0]} IS NOT NULL`}
                    ORDER BY ${keyOrder}, e.rowid${dir} LIMIT ${n})`;
  if (key.neverEmpty) return `${withKey} UNION ALL ${recus}`;
  const withoutKey = `SELECT * FROM (SELECT ${candidateColumns(key, "effectif")} FROM effectifs e INDEXED BY ${key.index} ${joins}
                       WHERE e.organisme_id ${SCOPE_SQL}${effectifWhere} AND ${key.effectif[0]} IS NULL
                       ORDER BY e.rowid${dir} LIMIT ${n})`;
  return `${withKey} UNION ALL ${withoutKey} UNION ALL ${recus}`;
}

/** The page's rows with their display columns: from the effectif and its report row (d), or from the report row alone. */
const pageSql = (key: SortKey, descending: boolean) => `
    SELECT e.id AS effectifId, p.organismeId,
           CASE WHEN p.rid IS NULL THEN p.t ELSE e.annee_scolaire || '|' || e.id_erp_apprenant END AS identity,
           CASE WHEN p.rid IS NULL THEN COALESCE(d.nom, '') || ' ' || COALESCE(d.prenom, '') ELSE e.nom || ' ' || e.prenom END AS apprenant,
           ${organismeNomSql("p.organismeId")} AS organisme,
           CASE WHEN p.rid IS NULL THEN d.libelle_formation ELSE e.libelle_formation END AS formation,
           ${dateFrSql("CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.date_entree_formation' ELSE e.date_entree_formation END")} AS formationDebut,
           ${dateFrSql("CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.date_fin_formation' ELSE e.date_fin_formation END")} AS formationFin,
           CASE WHEN p.rid IS NULL
                THEN COALESCE('CFD ' || (d.held_data ->> '$.formation_cfd'), 'RNCP ' || (d.held_data ->> '$.formation_rncp'))
                ELSE COALESCE('CFD ' || e.formation_cfd, 'RNCP ' || e.formation_rncp) END AS diplome,
           CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.sexe_apprenant' ELSE e.data ->> '$.sexe_apprenant' END AS sexe,
           CASE WHEN p.rid IS NULL THEN NULL ELSE ${statutLabelSql("s.statut")} END AS statut,
           CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.siret_employeur' ELSE e.employeur END AS employeur,
           ${dateFrSql("CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.contrat_date_debut' ELSE e.contrat_debut END")} AS debut,
           ${dateFrSql("CASE WHEN p.rid IS NULL THEN d.held_data ->> '$.contrat_date_fin' ELSE e.contrat_fin END")} AS fin,
           CASE WHEN p.rid IS NULL THEN ${ETAT_RECU_SQL} ELSE ${ETAT_EFFECTIF_SQL} END AS etat,
           COALESCE(d.errors, '[]') AS erreurs,
           CASE WHEN p.rid IS NULL THEN d.received_at ELSE e.updated_at END AS majLe,
           ${MISSION_LOCALE_SQL} AS missionLocale
      FROM page p
      LEFT JOIN effectifs e ON e.rowid = p.rid
      LEFT JOIN effectif_statuts s ON s.effectif_id = e.id AND s.du <= ?1 AND (s.au IS NULL OR s.au >= ?1)
      LEFT JOIN dossiers_recus d ON d.organisme_id = p.organismeId
                                AND d.identity = CASE WHEN p.rid IS NULL THEN p.t ELSE e.annee_scolaire || '|' || e.id_erp_apprenant END
     ORDER BY ${orderSql(key, "p.", descending, false)}`;

/**
 * For an effectif ever in rupture: the Mission Locale covering its home (by INSEE code, else postal code) and its
 * follow-up state there (null: not followed yet), as JSON; null otherwise.
 */
const MISSION_LOCALE_SQL = `CASE WHEN e.date_rupture IS NOT NULL THEN (
    SELECT CASE WHEN count(*) > 0 THEN json_object('nom', min(ml.nom), 'etat', max(sm.etat)) END
      FROM mission_locale_communes mc JOIN missions_locales ml ON ml.id = mc.mission_locale_id
      LEFT JOIN suivis_mission_locale sm ON sm.effectif_id = e.id AND sm.mission_locale_id = ml.id
     WHERE e.commune_apprenant = mc.code_insee OR (e.commune_apprenant IS NULL AND e.code_postal_apprenant = mc.code_postal)) END`;

/** From this offset on, the count is read first and a page in the second half is read from the end. */
const DEEP_OFFSET = 1000;

/**
 * The filters as clauses on each source; values are ?3, ?4… (LIKE is case-insensitive for ASCII in SQLite). The
 * joins an effectif needs: its statut at the date, its report row.
 */
function filtersSql(filters: EffectifFilters, tri: EffectifTri) {
  const params: string[] = [];
  let effectifWhere = "";
  let recuWhere = "";
  for (const name of EFFECTIF_FILTERS) {
    const value = filters[name]?.trim();
    if (!value) continue;
    params.push(`%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    // ESCAPE only when the value needs it: it slows a scan of every row.
    const escape = /[\\%_]/.test(value) ? " ESCAPE '\\'" : "";
    const like = (expression: string) => ` AND ${expression} LIKE ?${params.length + 2}${escape}`;
    effectifWhere += like(SEARCHED[name][0]);
    recuWhere += like(SEARCHED[name][1]);
  }
  const needs = (name: string, forCount: boolean) =>
    Boolean(filters[name as keyof EffectifFilters]?.trim()) || (!forCount && tri === name);
  const joins = (forCount: boolean) =>
    [needs("statut", forCount) ? STATUT_JOIN_SQL : "", needs("etat", forCount) ? REPORT_JOIN_SQL : ""].join(" ");
  return { params, effectifWhere, recuWhere, joins };
}

/** Who reads the list, logged with the number of rows shown and the count of the list (SPEC §8). */
export interface LectureJournalisee {
  userId: string;
  organismeId: string;
  kind: string;
}

export interface EffectifsLus {
  total: number;
  rows: EffectifListRow[];
  /** by effectif id, for the rows ever in rupture: the Mission Locale covering them, its follow-up state */
  missionsLocales: Record<string, { nom: string; etat: EtatSuivi | null }>;
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
    journal: LectureJournalisee;
  },
): Promise<EffectifsLus> {
  const tri = options.tri ?? "apprenant";
  const key = SORT_KEYS[tri];
  const descending = options.ordre === "desc";
  const { params, effectifWhere, recuWhere, joins } = filtersSql(options.filters, tri);
  const bind = [options.date, JSON.stringify(organismeIds), ...params];
  const d1 = db.$client;
  // Unfiltered, the effectifs are counted by the triggers' per-organisme counts (migration 0017): a few rows read
  // instead of every index entry of the scope.
  const effectifsCount = params.length
    ? `SELECT count(*) FROM effectifs e ${joins(true)} WHERE e.organisme_id ${SCOPE_SQL}${effectifWhere}`
    : `SELECT coalesce(sum(c.n), 0) FROM effectifs_par_organisme c WHERE c.organisme_id ${SCOPE_SQL}`;
  const countSql = `SELECT (${effectifsCount}) + (SELECT count(*) FROM dossiers_recus d WHERE ${RECU_SQL}${recuWhere}) AS n`;
  const arms: Arms = { key, joins: joins(false), effectifWhere, recuWhere };
  const [n, limitParam, offsetParam] = [1, 2, 3].map((i) => `?${bind.length + i}`);
  const pageStatement = (reverse: boolean, limit: number, offset: number) =>
    d1
      .prepare(
        `WITH page AS (SELECT * FROM (${firstRowsSql(arms, descending, reverse, n)})
                        ORDER BY ${orderSql(key, "", descending, reverse)} LIMIT ${limitParam} OFFSET ${offsetParam})
         ${pageSql(key, descending)}`,
      )
      .bind(...bind, offset + limit, limit, offset);
  const { userId, organismeId, kind } = options.journal;
  type PageRow = Omit<EffectifListRow, "erreurs"> & { erreurs: string; missionLocale: string | null };
  let total: number;
  let page: D1Result<PageRow>;
  if (options.offset < DEEP_OFFSET) {
    // The count writes the log row (SPEC §8) and returns itself: the rows shown are the count past the offset, up
    // to the limit, as the page of the same batch (one transaction) reads them. One round trip, no page shown
    // without its log, and nothing read twice.
    const [i, j] = [bind.length + 1, bind.length + 2];
    const countAndLog = d1
      .prepare(
        `INSERT INTO downloads_log (user_id, organisme_id, kind, rows, total, at)
         SELECT ?${i + 2}, ?${i + 3}, ?${i + 4}, min(?${i}, max(0, compte.n - ?${j})), compte.n, ?${i + 5} FROM (${countSql}) compte
         RETURNING total AS n`,
      )
      .bind(...bind, options.limit, options.offset, userId, organismeId, kind, new Date().toISOString());
    const [count, first] = await d1.batch<{ n: number } | PageRow>([
      countAndLog,
      pageStatement(false, options.limit, options.offset),
    ]);
    total = (count.results[0] as { n: number }).n;
    page = first as D1Result<PageRow>;
  } else {
    // A page in the second half is read from the end, in the reverse order: each read keeps `limit` rows plus the
    // few after the page instead of every row before it. Logged after it, with the rows it read.
    total =
      (
        await d1
          .prepare(countSql)
          .bind(...bind)
          .first<{ n: number }>()
      )?.n ?? 0;
    const fromEnd = total - options.offset - options.limit;
    page = await (
      fromEnd < options.offset
        ? pageStatement(true, Math.max(0, options.limit + Math.min(0, fromEnd)), Math.max(0, fromEnd))
        : pageStatement(false, options.limit, options.offset)
    ).all<PageRow>();
    await logNominativeAccess(db, { userId, organismeId, kind, rows: page.results.length, total });
  }
  const missionsLocales: EffectifsLus["missionsLocales"] = {};
  const rows = page.results.map(({ missionLocale, erreurs, ...row }) => {
    if (missionLocale && row.effectifId) missionsLocales[row.effectifId] = JSON.parse(missionLocale);
    return { ...row, erreurs: JSON.parse(erreurs) as EffectifListRow["erreurs"] };
  });
  return { total, rows, missionsLocales };
}
