/**
 * The counters at `date` over what a perimeter counts (its fiable organismes and their formateurs, see
 * worker/data/perimetre.ts), read from the counters that migration 0002 maintains: the count on the 1st of the
 * month plus the day-by-day changes up to `date`. A few thousand rows per query whatever the number of effectifs,
 * instead of every parcours interval. Measured path (national counters over every organisme): hand-tuned SQL.
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { PointEvolution } from "../domain/indicateurs-organisme";
import type { Perimetre } from "../domain/indicateurs-territoire";
import { indicateursFromRows, type Indicateurs } from "../domain/indicators";
import type { Statut } from "../domain/parcours";
import type { Database } from "./db";
import { evolutionParMois } from "./indicateurs";
import { ORGANISMES_COMPTES, ORGANISMES_FIABLES, perimetreParams } from "./perimetre";

/**
 * `compteurs(organisme_id, statut, n)`: the effectifs of each organisme counted by the perimeter, per statut at the
 * date, to be summed. Binds ?1–?4 (the perimeter), ?5 ?6 (the school years containing the date), ?7 (the 1st of
 * its month), ?8 (the date): `compteursParams`.
 */
export const COMPTEURS_AU_JOUR = `perimetre AS (${ORGANISMES_COMPTES}),
  compteurs AS (
    SELECT organisme_id, statut, n FROM effectif_statuts_mois
     WHERE annee_scolaire IN (?5, ?6) AND mois = ?7 AND organisme_id IN perimetre
    UNION ALL
    SELECT organisme_id, statut, n FROM effectif_statuts_variations
     WHERE annee_scolaire IN (?5, ?6) AND jour > ?7 AND jour <= ?8 AND organisme_id IN perimetre)`;

export function compteursParams(perimetre: Perimetre, date: string) {
  const [scolaire, civile] = anneesScolairesAt(date);
  return [...perimetreParams(perimetre), scolaire, civile, `${date.slice(0, 7)}-01`, date] as const;
}

const parStatut = (db: Database, perimetre: Perimetre, date: string) =>
  db.$client
    .prepare(`WITH ${COMPTEURS_AU_JOUR} SELECT statut, sum(n) AS n FROM compteurs GROUP BY statut`)
    .bind(...compteursParams(perimetre, date));

export async function countIndicateursTerritoire(
  db: Database,
  perimetre: Perimetre,
  date: string,
): Promise<{ indicateurs: Indicateurs; organismes: number }> {
  const d1 = db.$client;
  const [compteurs, organismes] = await d1.batch<{ statut: Statut; n: number } | { n: number }>([
    parStatut(db, perimetre, date),
    d1.prepare(`SELECT count(*) AS n FROM (${ORGANISMES_FIABLES})`).bind(...perimetreParams(perimetre)),
  ]);
  return {
    indicateurs: indicateursFromRows(compteurs.results as { statut: Statut; n: number }[]),
    organismes: (organismes.results[0] as { n: number }).n,
  };
}

/** The perimeter's counters at the end of each month of a school year (today for the current one), in one batch. */
export function evolutionTerritoire(
  db: Database,
  perimetre: Perimetre,
  anneeScolaire: string,
  today: string,
): Promise<PointEvolution[]> {
  return evolutionParMois(db, anneeScolaire, today, (date) => parStatut(db, perimetre, date));
}
