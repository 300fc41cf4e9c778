/**
 * A perimeter's counters at a date by formation, national included, from the per-formation counters that migration
 * 0011 maintains (the count on the 1st of the month plus the day-by-day changes up to the date, as
 * worker/data/indicateurs-territoire.ts for the totals): rows of (organisme, formation, statut), never the parcours.
 * A formation is its key: CFD, else RNCP code, else libellé; it shows the first libellé given for it.
 * Measured path (national, 1,000,000 effectifs): hand-tuned SQL.
 */
import type { IndicateursFormation } from "../domain/indicateurs-organisme";
import type { Perimetre } from "../domain/indicateurs-territoire";
import type { Indicateur } from "../domain/indicators";
import type { Database } from "./db";
import { indicateursOfRow, pageDeGroupes, sommesIndicateurs, type PageDemandee } from "./indicateurs-perimetre";
import { compteursParams } from "./indicateurs-territoire";
import { ORGANISMES_COMPTES } from "./perimetre";

type FormationRow = Omit<IndicateursFormation, "indicateurs"> & Record<Indicateur, number>;

export async function indicateursParFormation(
  db: Database,
  perimetre: Perimetre,
  date: string,
  page: PageDemandee,
): Promise<{ total: number; formations: IndicateursFormation[] }> {
  const { total, rows } = await pageDeGroupes<FormationRow>(
    db,
    // Summed per (formation, statut) first: the five CASE sums then run over a few thousand rows, not every one.
    `WITH perimetre AS MATERIALIZED (${ORGANISMES_COMPTES}),
       compteurs AS (
         SELECT formation, statut, sum(n) AS n FROM (
           SELECT formation, statut, n FROM effectif_formations_mois
            WHERE annee_scolaire IN (?5, ?6) AND mois = ?7 AND organisme_id IN perimetre
           UNION ALL
           SELECT formation, statut, n FROM effectif_formations_variations
            WHERE annee_scolaire IN (?5, ?6) AND jour > ?7 AND jour <= ?8 AND organisme_id IN perimetre)
          GROUP BY formation, statut),
       groupes AS (SELECT formation AS cle, ${sommesIndicateurs("n")} FROM compteurs GROUP BY formation)
     SELECT l.libelle, l.cfd, g.* FROM groupes g LEFT JOIN formation_libelles l ON l.cle = g.cle
      WHERE g.apprenants + g.abandons > 0`,
    compteursParams(perimetre, date),
    page,
  );
  return {
    total,
    formations: rows.map((row) => ({ libelle: row.libelle, cfd: row.cfd, indicateurs: indicateursOfRow(row) })),
  };
}
