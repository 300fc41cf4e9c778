/** The counters at a date broken down by formation (libellé and CFD), for Mes indicateurs. */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../domain/indicators";
import type { Statut } from "../domain/parcours";

export interface IndicateursFormation {
  libelle: string | null;
  cfd: string | null;
  indicateurs: Indicateurs;
}

/** Same rows as countIndicateurs (the statut interval covering the date), grouped by the effectif's formation. */
export async function countIndicateursParFormation(
  db: D1Database,
  organismeIds: string[],
  date: string,
): Promise<IndicateursFormation[]> {
  const [scolaire, civile] = anneesScolairesAt(date);
  const { results } = await db
    .prepare(
      `SELECT e.libelle_formation AS libelle, e.formation_cfd AS cfd, s.statut, count(*) AS n
         FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id
        WHERE s.organisme_id IN (SELECT value FROM json_each(?1)) AND s.annee_scolaire IN (?2, ?3)
          AND s.du <= ?4 AND (s.au IS NULL OR s.au >= ?4)
        GROUP BY e.libelle_formation, e.formation_cfd, s.statut`,
    )
    .bind(JSON.stringify(organismeIds), scolaire, civile, date)
    .all<{ libelle: string | null; cfd: string | null; statut: Statut; n: number }>();

  const byFormation = new Map<
    string,
    { libelle: string | null; cfd: string | null; counts: Partial<Record<Statut, number>> }
  >();
  for (const row of results) {
    const key = JSON.stringify([row.libelle, row.cfd]);
    const entry = byFormation.get(key) ?? { libelle: row.libelle, cfd: row.cfd, counts: {} };
    entry.counts[row.statut] = row.n;
    byFormation.set(key, entry);
  }
  return [...byFormation.values()]
    .map(({ libelle, cfd, counts }) => ({ libelle, cfd, indicateurs: indicateursFromStatuts(counts) }))
    .sort(
      (a, b) =>
        b.indicateurs.apprenants - a.indicateurs.apprenants ||
        (a.libelle ?? "").localeCompare(b.libelle ?? "", "fr") ||
        (a.cfd ?? "").localeCompare(b.cfd ?? ""),
    );
}
