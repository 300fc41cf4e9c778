/**
 * A perimeter's counters at a date by formation. The monthly counters do not know formations: this one reads the
 * parcours intervals covering the date (one per effectif) and their effectifs, so it costs one pass over the
 * perimeter's effectifs of the year. Measured path (national, 1,000,000 effectifs): hand-tuned SQL.
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { IndicateursFormation } from "../domain/indicateurs-organisme";
import type { Perimetre } from "../domain/indicateurs-territoire";
import type { Indicateur } from "../domain/indicators";
import type { Database } from "./db";
import { indicateursOfRow, pageDeGroupes, sommesIndicateurs, type PageDemandee } from "./indicateurs-perimetre";
import { ORGANISMES_COMPTES, perimetreParams } from "./perimetre";

type FormationRow = Omit<IndicateursFormation, "indicateurs"> & Record<Indicateur, number>;

export async function indicateursParFormation(
  db: Database,
  perimetre: Perimetre,
  date: string,
  page: PageDemandee,
): Promise<{ total: number; formations: IndicateursFormation[] }> {
  const { total, rows } = await pageDeGroupes<FormationRow>(
    db,
    `WITH perimetre AS (${ORGANISMES_COMPTES})
     SELECT e.libelle_formation AS libelle, e.formation_cfd AS cfd, ${sommesIndicateurs("1")},
            coalesce(e.libelle_formation, '') || '|' || coalesce(e.formation_cfd, '') AS cle
       FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id
      WHERE s.organisme_id IN perimetre AND s.annee_scolaire IN (?5, ?6) AND s.du <= ?7 AND (s.au IS NULL OR s.au >= ?7)
      GROUP BY e.libelle_formation, e.formation_cfd`,
    [...perimetreParams(perimetre), ...anneesScolairesAt(date), date],
    page,
  );
  return {
    total,
    formations: rows.map((row) => ({ libelle: row.libelle, cfd: row.cfd, indicateurs: indicateursOfRow(row) })),
  };
}
