/**
 * The nominative list behind one of a perimeter's counters at a date, each learner with the organisme that trains
 * it, and which réseaux may read their members' lists (SPEC §8). Measured paths, hand-tuned SQL, the list's columns
 * (worker/data/indicateurs-liste.ts):
 * - a territory: a page and its total over the territory's parcours intervals, in one statement;
 * - the whole country (a million effectifs): the total from the monthly counters (migration 0002), the page by
 *   walking the effectifs in name order (index effectifs_nom, migration 0011) from the nearer end, each one's
 *   interval at the date checked as it comes: a page costs its rows over the list's share of the effectifs, plus
 *   its distance from the first or the last page, never a sort of every match.
 */
import { eq } from "drizzle-orm";
import { reseauxResponsables } from "../../db/schema";
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { isNational, type ApprenantPerimetre, type Perimetre } from "../domain/indicateurs-territoire";
import type { Indicateur } from "../domain/indicators";
import type { Database } from "./db";
import { apprenantListe, COLONNES_LISTE, INDICATEUR_STATUTS, type ListeRow } from "./indicateurs-liste";
import type { PageDemandee } from "./indicateurs-perimetre";
import { COMPTEURS_AU_JOUR, compteursParams } from "./indicateurs-territoire";
import { ORGANISMES_COMPTES, perimetreParams } from "./perimetre";

/** Whether the réseau is "responsable": its users may see its members' nominative lists. */
export async function isReseauResponsable(db: Database, reseau: string): Promise<boolean> {
  const row = await db
    .select({ reseau: reseauxResponsables.reseau })
    .from(reseauxResponsables)
    .where(eq(reseauxResponsables.reseau, reseau))
    .get();
  return row !== undefined;
}

type Row = ListeRow & Pick<ApprenantPerimetre, "organisme" | "uai">;

const apprenantPerimetre = (row: Row, date: string): ApprenantPerimetre => ({
  ...apprenantListe(row, date),
  organisme: row.organisme,
  uai: row.uai,
});

export async function listApprenantsPerimetre(
  db: Database,
  perimetre: Perimetre,
  options: { indicateur: Indicateur; date: string } & PageDemandee,
): Promise<{ total: number; rows: ApprenantPerimetre[] }> {
  if (isNational(perimetre)) return listApprenantsNational(db, perimetre, options);
  const select = (columns: string) => `WITH perimetre AS (${ORGANISMES_COMPTES})
     SELECT ${columns}
       FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id JOIN organismes o ON o.id = e.organisme_id
      WHERE s.organisme_id IN perimetre AND s.annee_scolaire IN (?5, ?6)
        AND s.du <= ?7 AND (s.au IS NULL OR s.au >= ?7) AND s.statut IN (SELECT value FROM json_each(?8))`;
  const bind = [
    ...perimetreParams(perimetre),
    ...anneesScolairesAt(options.date),
    options.date,
    JSON.stringify(INDICATEUR_STATUTS[options.indicateur]),
  ];
  const d1 = db.$client;
  // The total rides on the page's rows: one pass over the perimeter's intervals (a count and a page took two).
  const { results } = await d1
    .prepare(
      `${select(`${COLONNES_LISTE}, coalesce(o.enseigne, o.raison_sociale) AS organisme, o.uai, count(*) OVER () AS total`)}
        ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id LIMIT ?9 OFFSET ?10`,
    )
    .bind(...bind, options.limit, options.offset)
    .all<Row & { total: number }>();
  // A page past the end has no row to carry the total: counted apart.
  const pastTheEnd = results.length === 0 && options.offset > 0;
  const total = pastTheEnd
    ? ((
        await d1
          .prepare(select("count(*) AS n"))
          .bind(...bind)
          .first<{ n: number }>()
      )?.n ?? 0)
    : (results[0]?.total ?? 0);
  return { total, rows: results.map((row) => apprenantPerimetre(row, options.date)) };
}

/** One school year's effectifs whose interval at ?7 has a statut of ?8, in the perimeter: in the index's order. */
const dansLOrdreDesNoms = (annee: string) => `
  SELECT e.id AS effectifId, s.du, e.nom COLLATE NOCASE AS k1, e.prenom COLLATE NOCASE AS k2
    FROM effectifs e JOIN effectif_statuts s ON s.effectif_id = e.id AND s.du <= ?7 AND (s.au IS NULL OR s.au >= ?7)
   WHERE e.annee_scolaire = ${annee} AND s.statut IN (SELECT value FROM json_each(?8)) AND s.organisme_id IN perimetre`;

/**
 * The whole country's list. The total is the counter's (the same intervals); the page is read forwards from the
 * first row or backwards from the last, whichever is nearer: both years' walks merged in name order (no sort), the
 * narrow rows of the page only then widened with the effectif's data and its organisme.
 */
async function listApprenantsNational(
  db: Database,
  perimetre: Perimetre,
  options: { indicateur: Indicateur; date: string } & PageDemandee,
): Promise<{ total: number; rows: ApprenantPerimetre[] }> {
  const d1 = db.$client;
  const statuts = JSON.stringify(INDICATEUR_STATUTS[options.indicateur]);
  const compte = await d1
    .prepare(
      `WITH ${COMPTEURS_AU_JOUR} SELECT coalesce(sum(n), 0) AS n FROM compteurs
        WHERE statut IN (SELECT value FROM json_each(?9))`,
    )
    .bind(...compteursParams(perimetre, options.date), statuts)
    .first<{ n: number }>();
  const total = compte?.n ?? 0;
  const limit = Math.min(options.limit, total - options.offset);
  if (limit <= 0) return { total, rows: [] };
  const depuisLaFin = total - options.offset - limit < options.offset;
  const sens = depuisLaFin ? "DESC" : "ASC";
  const offset = depuisLaFin ? total - options.offset - limit : options.offset;
  const { results } = await d1
    .prepare(
      `WITH perimetre AS MATERIALIZED (${ORGANISMES_COMPTES}),
         page AS (${dansLOrdreDesNoms("?5")} UNION ALL ${dansLOrdreDesNoms("?6")}
                  ORDER BY k1 ${sens}, k2 ${sens}, effectifId ${sens} LIMIT ?9 OFFSET ?10)
       SELECT ${COLONNES_LISTE}, coalesce(o.enseigne, o.raison_sociale) AS organisme, o.uai
         FROM page p JOIN effectif_statuts s ON s.effectif_id = p.effectifId AND s.du = p.du
         JOIN effectifs e ON e.id = p.effectifId JOIN organismes o ON o.id = e.organisme_id
        ORDER BY p.k1, p.k2, p.effectifId`,
    )
    .bind(...perimetreParams(perimetre), ...anneesScolairesAt(options.date), options.date, statuts, limit, offset)
    .all<Row>();
  return { total, rows: results.map((row) => apprenantPerimetre(row, options.date)) };
}
