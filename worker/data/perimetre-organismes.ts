/**
 * The organismes a perimeter names (worker/data/perimetre.ts), as the Organismes page lists them: each with its
 * transmission state and its counters today over itself and its formateurs (from the monthly counters, like the
 * territorial counters), filtered, searched, sorted and paged in SQL; and the perimeter's taux de couverture.
 * Measured path (3,000 organismes sorted by a counter: test/perimetre/organismes.test.ts): hand-written SQL, two
 * statements in one batch, bound as perimetre.ts's (?1–?4), then the filters (?5–?10), then the date and the page.
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { Perimetre } from "../domain/indicateurs-territoire";
import {
  ERP_FILTRE_AUCUN,
  ETATS_TRANSMISSION,
  type CouvertureDepartement,
  type EtatTransmission,
  type TriOrganismes,
} from "../domain/perimetre-organismes";
import type { Database } from "./db";
import type { Organisme } from "./organismes";
import { ORGANISMES_NOMMES, perimetreParams } from "./perimetre";

export interface FiltresOrganismes {
  departement?: string;
  nature?: string;
  etat?: EtatTransmission;
  /** a catalogue id, "autre", or "aucun" (no ERP chosen) */
  erp?: string;
  fiable?: boolean;
  /** part of the UAI, the SIRET, the raison sociale or the enseigne */
  recherche?: string;
}

export interface TriDemande {
  colonne: TriOrganismes;
  sens: "asc" | "desc";
}

/**
 * As the OrganismeHub derives its state from D1: a manual mode is configured at once; the key flow is connected
 * once confirmed (configured_at) with a current key, under way with a key not confirmed yet.
 */
const ETAT = `CASE
  WHEN o.mode_transmission = 'manuel' THEN 'manuel'
  WHEN o.mode_transmission = 'api'
   AND EXISTS (SELECT 1 FROM api_keys k WHERE k.organisme_id = o.id AND k.revoked_at IS NULL)
    THEN CASE WHEN o.configured_at IS NOT NULL THEN 'connecte' ELSE 'en-attente' END
  ELSE 'non-parametre' END`;

const FIABLE = "(o.referentiel = 1 AND o.ferme = 0)";

/** The named organismes with their state, so that the filters and the sort can use it (evaluated when read). */
const NOMMES = `nommes AS (
  SELECT o.id, o.uai, o.siret, o.raison_sociale, o.enseigne, o.nature, o.commune, o.departement, o.referentiel,
         o.ferme, o.mode_transmission, o.erp, o.erp_autre, o.last_transmission_at, ${ETAT} AS etat
    FROM organismes o WHERE o.id IN (${ORGANISMES_NOMMES}))`;

/** The filters and the search over `nommes o` (null = no filter); the search ignores spaces in UAI and SIRET. */
const RETENU = `(?5 IS NULL OR o.departement = ?5) AND (?6 IS NULL OR o.nature = ?6) AND (?7 IS NULL OR o.etat = ?7)
  AND (?8 IS NULL OR o.erp = ?8 OR (?8 = '${ERP_FILTRE_AUCUN}' AND o.erp IS NULL)) AND (?9 IS NULL OR ${FIABLE} = ?9)
  AND (?10 IS NULL OR o.raison_sociale LIKE ?10 ESCAPE '\\' OR o.enseigne LIKE ?10 ESCAPE '\\'
       OR o.uai LIKE replace(?10, ' ', '') ESCAPE '\\' OR o.siret LIKE replace(?10, ' ', '') ESCAPE '\\')`;

const TRANSMET =
  "(o.last_transmission_at IS NOT NULL OR EXISTS (SELECT 1 FROM transmissions t WHERE t.organisme_id = o.id))";

/** What each sortable column sorts by (over the final row `l`); ties by name, then id. */
const TRI_SQL: Record<TriOrganismes, string> = {
  nom: "coalesce(l.enseigne, l.raisonSociale) COLLATE NOCASE",
  uai: "l.uai",
  siret: "l.siret",
  nature: "l.nature",
  fiable: "(l.referentiel = 1 AND l.ferme = 0)",
  departement: "l.departement",
  commune: "l.commune COLLATE NOCASE",
  // the procedure's order: not set up, under way, connected, manual
  etat: `CASE l.etat ${ETATS_TRANSMISSION.map((etat, rang) => `WHEN '${etat}' THEN ${rang}`).join(" ")} END`,
  erp: "l.erp COLLATE NOCASE",
  derniereTransmission: "l.lastTransmissionAt",
  apprenants: "l.apprenants",
  apprentis: "l.apprentis",
  inscrits: "l.inscrits",
  rupturants: "l.rupturants",
  abandons: "l.abandons",
  invalides: "l.invalides",
};

/** One row of the table as the statement returns it. */
export type LigneOrganisme = Pick<
  Organisme,
  | "id"
  | "uai"
  | "siret"
  | "raisonSociale"
  | "enseigne"
  | "nature"
  | "commune"
  | "departement"
  | "modeTransmission"
  | "lastTransmissionAt"
> & {
  /** 0 | 1 (raw SQLite booleans) */
  referentiel: number;
  ferme: number;
  etat: EtatTransmission;
  /** the ERP's label */
  erp: string | null;
  apprenants: number;
  apprentis: number;
  inscrits: number;
  rupturants: number;
  abandons: number;
  invalides: number;
};

/**
 * The retained organismes with their counters at ?14 (the count on the 1st of the month ?13 plus the day-by-day
 * changes, school years ?11 ?12), over each one's scope (itself and its formateurs, each once). The statuts are
 * summed into the five counters as indicateursFromStatuts does (worker/domain/indicators.ts), so that SQL can sort
 * by them.
 */
const LIGNES = `WITH ${NOMMES},
  retenus AS MATERIALIZED (SELECT * FROM nommes o WHERE ${RETENU}),
  portee AS (
    SELECT id AS responsable_id, id AS organisme_id FROM retenus
    UNION
    SELECT r.responsable_id, r.formateur_id FROM organisme_relations r JOIN retenus ON retenus.id = r.responsable_id),
  statuts AS (
    SELECT organisme_id, statut, sum(n) AS n FROM (
      SELECT organisme_id, statut, n FROM effectif_statuts_mois
       WHERE annee_scolaire IN (?11, ?12) AND mois = ?13 AND organisme_id IN (SELECT organisme_id FROM portee)
      UNION ALL
      SELECT organisme_id, statut, n FROM effectif_statuts_variations
       WHERE annee_scolaire IN (?11, ?12) AND jour > ?13 AND jour <= ?14
         AND organisme_id IN (SELECT organisme_id FROM portee)
    ) GROUP BY organisme_id, statut),
  compteurs AS (
    SELECT p.responsable_id AS id,
      sum(CASE WHEN s.statut IN ('APPRENTI', 'FIN_DE_FORMATION') THEN s.n ELSE 0 END) AS apprentis,
      sum(CASE WHEN s.statut = 'INSCRIT' THEN s.n ELSE 0 END) AS inscrits,
      sum(CASE WHEN s.statut = 'RUPTURANT' THEN s.n ELSE 0 END) AS rupturants,
      sum(CASE WHEN s.statut = 'ABANDON' THEN s.n ELSE 0 END) AS abandons
      FROM portee p JOIN statuts s ON s.organisme_id = p.organisme_id GROUP BY p.responsable_id),
  invalides AS (
    SELECT p.responsable_id AS id, count(*) AS n
      FROM portee p CROSS JOIN dossiers_recus d ON d.organisme_id = p.organisme_id AND d.outcome = 'invalid'
     GROUP BY p.responsable_id),
  lignes AS (
    SELECT o.id, o.uai, o.siret, o.raison_sociale AS raisonSociale, o.enseigne, o.nature, o.commune, o.departement,
           o.referentiel, o.ferme, o.mode_transmission AS modeTransmission, o.etat,
           CASE WHEN o.erp = 'autre' THEN o.erp_autre ELSE e.label END AS erp,
           o.last_transmission_at AS lastTransmissionAt,
           coalesce(c.apprentis, 0) + coalesce(c.inscrits, 0) + coalesce(c.rupturants, 0) AS apprenants,
           coalesce(c.apprentis, 0) AS apprentis, coalesce(c.inscrits, 0) AS inscrits,
           coalesce(c.rupturants, 0) AS rupturants, coalesce(c.abandons, 0) AS abandons,
           coalesce(i.n, 0) AS invalides
      FROM retenus o
      LEFT JOIN compteurs c ON c.id = o.id
      LEFT JOIN invalides i ON i.id = o.id
      LEFT JOIN erps e ON e.id = o.erp)
  SELECT * FROM lignes l`;

/** Per département of the named organismes: those of the référentiel, those of them that transmit, those retained. */
const COUVERTURE = `WITH ${NOMMES}
  SELECT o.departement, sum(o.referentiel = 1) AS organismes, sum(o.referentiel = 1 AND ${TRANSMET}) AS transmettent,
         sum(${RETENU}) AS retenus
    FROM nommes o GROUP BY o.departement ORDER BY o.departement`;

/** "%term%" for LIKE, its own % _ and \ escaped; null for an empty search. */
const motif = (recherche: string | undefined) =>
  recherche?.trim() ? `%${recherche.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;

const filtresParams = (perimetre: Perimetre, filtres: FiltresOrganismes) => [
  ...perimetreParams(perimetre),
  filtres.departement ?? null,
  filtres.nature ?? null,
  filtres.etat ?? null,
  filtres.erp ?? null,
  filtres.fiable === undefined ? null : Number(filtres.fiable),
  motif(filtres.recherche),
];

function lignesStatement(
  db: Database,
  perimetre: Perimetre,
  filtres: FiltresOrganismes,
  date: string,
  tri: TriDemande,
  page: { offset: number; limit: number },
) {
  const [scolaire, civile] = anneesScolairesAt(date);
  const ordre = `${TRI_SQL[tri.colonne]} ${tri.sens === "asc" ? "ASC" : "DESC"} NULLS LAST, ${TRI_SQL.nom}, l.id`;
  return db.$client
    .prepare(`${LIGNES} ORDER BY ${ordre} LIMIT ?15 OFFSET ?16`)
    .bind(
      ...filtresParams(perimetre, filtres),
      scolaire,
      civile,
      `${date.slice(0, 7)}-01`,
      date,
      page.limit,
      page.offset,
    );
}

export interface PageOrganismes {
  total: number;
  rows: LigneOrganisme[];
  departements: CouvertureDepartement[];
}

/** One page of the table, the number of organismes retained and the couverture per département: one batch. */
export async function listOrganismesPerimetre(
  db: Database,
  perimetre: Perimetre,
  options: { filtres: FiltresOrganismes; date: string; tri: TriDemande; offset: number; limit: number },
): Promise<PageOrganismes> {
  const { filtres, date, tri, offset, limit } = options;
  const d1 = db.$client;
  const [lignes, couverture] = await d1.batch<LigneOrganisme | (CouvertureDepartement & { retenus: number })>([
    lignesStatement(db, perimetre, filtres, date, tri, { offset, limit }),
    d1.prepare(COUVERTURE).bind(...filtresParams(perimetre, filtres)),
  ]);
  const departements = couverture.results as (CouvertureDepartement & { retenus: number })[];
  return {
    total: departements.reduce((sum, d) => sum + d.retenus, 0),
    rows: lignes.results as LigneOrganisme[],
    departements: departements.map(({ departement, organismes, transmettent }) => ({
      departement,
      organismes,
      transmettent,
    })),
  };
}

/** Every retained organisme in the table's order, for a download. */
export async function exportOrganismesPerimetre(
  db: Database,
  perimetre: Perimetre,
  options: { filtres: FiltresOrganismes; date: string; tri: TriDemande; limit: number },
): Promise<LigneOrganisme[]> {
  const { filtres, date, tri, limit } = options;
  const { results } = await lignesStatement(db, perimetre, filtres, date, tri, {
    offset: 0,
    limit,
  }).all<LigneOrganisme>();
  return results;
}

/** Whether the perimeter names the organisme (the read-only access of territorial users): one indexed lookup. */
export async function perimetreNomme(db: Database, perimetre: Perimetre, organismeId: string): Promise<boolean> {
  const row = await db.$client
    .prepare(`SELECT 1 AS nomme FROM (${ORGANISMES_NOMMES}) WHERE id = ?5`)
    .bind(...perimetreParams(perimetre), organismeId)
    .first<{ nomme: number }>();
  return row !== null;
}
