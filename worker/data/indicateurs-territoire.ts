/**
 * The counters at `date` over what a perimeter counts (its fiable organismes and their formateurs, see
 * worker/data/perimetre.ts), read from the counters that migration 0002 maintains: the count on the 1st of the
 * month plus the day-by-day changes up to `date`. A few thousand rows per query whatever the number of effectifs, instead of every parcours interval.
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../domain/indicators";
import type { Statut } from "../domain/parcours";
import type { Perimetre } from "../domain/indicateurs-territoire";
import type { Database } from "./db";
import { ORGANISMES_COMPTES, ORGANISMES_FIABLES, perimetreParams } from "./perimetre";

export async function countIndicateursTerritoire(
  db: Database,
  perimetre: Perimetre,
  date: string,
): Promise<{ indicateurs: Indicateurs; organismes: number }> {
  const [scolaire, civile] = anneesScolairesAt(date);
  const premierDuMois = `${date.slice(0, 7)}-01`;
  const territoire = perimetreParams(perimetre);
  // Measured path (national counters over every organisme, from the monthly counters): hand-tuned SQL.
  const d1 = db.$client;
  const [compteurs, organismes] = await d1.batch<{ statut: Statut; n: number } | { n: number }>([
    d1
      .prepare(
        `WITH perimetre AS (${ORGANISMES_COMPTES})
         SELECT statut, sum(n) AS n FROM (
           SELECT statut, n FROM effectif_statuts_mois
            WHERE annee_scolaire IN (?5, ?6) AND mois = ?7 AND organisme_id IN perimetre
           UNION ALL
           SELECT statut, n FROM effectif_statuts_variations
            WHERE annee_scolaire IN (?5, ?6) AND jour > ?7 AND jour <= ?8 AND organisme_id IN perimetre
         ) GROUP BY statut`,
      )
      .bind(...territoire, scolaire, civile, premierDuMois, date),
    d1.prepare(`SELECT count(*) AS n FROM (${ORGANISMES_FIABLES})`).bind(...territoire),
  ]);
  const parStatut = Object.fromEntries(
    (compteurs.results as { statut: Statut; n: number }[]).map((r) => [r.statut, r.n]),
  );
  return { indicateurs: indicateursFromStatuts(parStatut), organismes: (organismes.results[0] as { n: number }).n };
}
