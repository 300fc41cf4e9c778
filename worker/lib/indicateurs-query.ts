import { anneesScolairesAt } from "../domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../domain/indicators";
import type { Statut } from "../domain/parcours";

/**
 * The counters at `date` over `organismeIds`, in one indexed query on the parcours intervals
 * (effectif_statuts: one row per statut period, so the statut at a date is the row covering it). The scope travels
 * as one JSON parameter: an organisme may have more formateurs than D1's 100 bound parameters.
 */
export async function countIndicateurs(db: D1Database, organismeIds: string[], date: string): Promise<Indicateurs> {
  if (organismeIds.length === 0) return indicateursFromStatuts({});
  const [scolaire, civile] = anneesScolairesAt(date);
  const { results } = await db
    .prepare(
      `SELECT statut, count(*) AS n FROM effectif_statuts
        WHERE organisme_id IN (SELECT value FROM json_each(?)) AND annee_scolaire IN (?, ?) AND du <= ? AND (au IS NULL OR au >= ?)
        GROUP BY statut`,
    )
    .bind(JSON.stringify(organismeIds), scolaire, civile, date, date)
    .all<{ statut: Statut; n: number }>();
  return indicateursFromStatuts(Object.fromEntries(results.map((r) => [r.statut, r.n])));
}
