/**
 * The counters of an organisme and its formateurs at a date (the dashboard card, Mes indicateurs), read from the
 * parcours intervals (effectif_statuts: one row per statut period, so the statut at a date is the row covering it).
 * Measured path: hand-tuned SQL through the D1 binding (json_each scope, index on organisme/année/du), no query
 * builder on the dashboard's hottest reads.
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { indicateursFromStatuts, type Indicateurs } from "../domain/indicators";
import type { IndicateursFormation, PointEvolution } from "../domain/indicateurs-organisme";
import type { Statut } from "../domain/parcours";
import type { Database } from "./db";

/** The counters at `date` over `organismeIds`, in one indexed query. */
export async function countIndicateurs(db: Database, organismeIds: string[], date: string): Promise<Indicateurs> {
  if (organismeIds.length === 0) return indicateursFromStatuts({});
  const [scolaire, civile] = anneesScolairesAt(date);
  // Measured path (dashboard counters, twelve of them per evolution): hand-tuned SQL.
  const { results } = await db.$client
    .prepare(
      `SELECT statut, count(*) AS n FROM effectif_statuts
        WHERE organisme_id IN (SELECT value FROM json_each(?)) AND annee_scolaire IN (?, ?) AND du <= ? AND (au IS NULL OR au >= ?)
        GROUP BY statut`,
    )
    .bind(JSON.stringify(organismeIds), scolaire, civile, date, date)
    .all<{ statut: Statut; n: number }>();
  return indicateursFromStatuts(Object.fromEntries(results.map((r) => [r.statut, r.n])));
}

/** Same rows as countIndicateurs (the statut interval covering the date), grouped by the effectif's formation. */
export async function countIndicateursParFormation(
  db: Database,
  organismeIds: string[],
  date: string,
): Promise<IndicateursFormation[]> {
  const [scolaire, civile] = anneesScolairesAt(date);
  // Measured path (Mes indicateurs over 10,000 effectifs): hand-tuned SQL.
  const { results } = await db.$client
    .prepare(
      `SELECT e.libelle_formation AS libelle, e.formation_cfd AS cfd, s.statut, count(*) AS n
         FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id
        WHERE s.organisme_id IN (SELECT value FROM json_each(?1)) AND s.annee_scolaire IN (?2, ?3)
          AND s.du <= ?4 AND (s.au IS NULL OR s.au >= ?4)
        GROUP BY e.libelle_formation, e.formation_cfd, s.statut`,
    )
    .bind(JSON.stringify(organismeIds), scolaire, civile, date)
    .all<Omit<IndicateursFormation, "indicateurs"> & { statut: Statut; n: number }>();

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

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** August to July of `anneeScolaire` ("2026-2027"), each month with the day its counters are taken at. */
export function moisDeLAnnee(anneeScolaire: string, today: string): { mois: string; date: string | null }[] {
  const rentree = Number(anneeScolaire.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const year = rentree + (i >= 5 ? 1 : 0);
    const month = ((7 + i) % 12) + 1;
    const mois = `${year}-${String(month).padStart(2, "0")}`;
    const fin = lastDayOfMonth(year, month);
    if (`${mois}-01` > today) return { mois, date: null };
    return { mois, date: fin < today ? fin : today };
  });
}

/** The month by month evolution over one school year: one indexed count per month, run concurrently. */
export async function evolutionIndicateurs(
  db: Database,
  organismeIds: string[],
  anneeScolaire: string,
  today: string,
): Promise<PointEvolution[]> {
  return Promise.all(
    moisDeLAnnee(anneeScolaire, today).map(async ({ mois, date }) => ({
      mois,
      date,
      indicateurs: date ? await countIndicateurs(db, organismeIds, date) : null,
    })),
  );
}
