/**
 * The counters of an organisme and its formateurs at a date (the dashboard card, Mes indicateurs), by formation and
 * month by month, read from the monthly counters and daily changes that migrations 0002 and 0011 keep exact (as the
 * territories' are: worker/data/indicateurs-territoire.ts), never from the parcours intervals: a few rows per
 * organisme and statut whatever the organisme's size (bench part 8).
 * Measured path: hand-tuned SQL through the D1 binding, every read an index seek (scope, years, month, days listed).
 */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { indicateursFromRows, indicateursFromStatuts, type Indicateurs } from "../domain/indicators";
import type { IndicateursFormation, PointEvolution } from "../domain/indicateurs-organisme";
import type { Statut } from "../domain/parcours";
import type { Database } from "./db";

/** The days after the 1st of `date`'s month up to `date`: the daily changes to add to the month's count. */
function joursDuMois(date: string): string[] {
  const day = Number(date.slice(8, 10));
  return Array.from({ length: day - 1 }, (_, i) => `${date.slice(0, 8)}${String(i + 2).padStart(2, "0")}`);
}

/**
 * The rows (statut, n[, formation]) that add up to the count at a date: ?1 the scope (JSON array), ?2 and ?3 the
 * years at the date, ?4 the 1st of its month, ?5 the days after it up to the date (JSON array). Listing the days
 * keeps the changes' read a seek per (year, day, organisme) instead of every organisme's changes of the month.
 */
const compteursSql = (prefix: "effectif_statuts" | "effectif_formations", colonnes: string) => `
  SELECT ${colonnes}, n FROM ${prefix}_mois
   WHERE annee_scolaire IN (?2, ?3) AND mois = ?4 AND organisme_id IN (SELECT value FROM json_each(?1))
  UNION ALL
  SELECT ${colonnes}, n FROM ${prefix}_variations
   WHERE annee_scolaire IN (?2, ?3) AND jour IN (SELECT value FROM json_each(?5))
     AND organisme_id IN (SELECT value FROM json_each(?1))`;

const compteursParams = (organismeIds: string[], date: string) => [
  JSON.stringify(organismeIds),
  ...anneesScolairesAt(date),
  `${date.slice(0, 7)}-01`,
  JSON.stringify(joursDuMois(date)),
];

const parStatut = (db: Database, organismeIds: string[], date: string) =>
  db.$client
    .prepare(`SELECT statut, sum(n) AS n FROM (${compteursSql("effectif_statuts", "statut")}) GROUP BY statut`)
    .bind(...compteursParams(organismeIds, date));

/** The counters at `date` over `organismeIds`. */
export async function countIndicateurs(db: Database, organismeIds: string[], date: string): Promise<Indicateurs> {
  if (organismeIds.length === 0) return indicateursFromStatuts({});
  return indicateursFromRows((await parStatut(db, organismeIds, date).all<{ statut: Statut; n: number }>()).results);
}

/**
 * The counters at `date` by formation: its key is the CFD, else the RNCP code, else the libellé, shown with the
 * first libellé given for it (as the territories' breakdown); most apprenants first.
 */
export async function countIndicateursParFormation(
  db: Database,
  organismeIds: string[],
  date: string,
): Promise<IndicateursFormation[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT c.formation, l.libelle, l.cfd, c.statut, sum(c.n) AS n
         FROM (${compteursSql("effectif_formations", "formation, statut")}) c
         LEFT JOIN formation_libelles l ON l.cle = c.formation
        GROUP BY c.formation, c.statut`,
    )
    .bind(...compteursParams(organismeIds, date))
    .all<Omit<IndicateursFormation, "indicateurs"> & { formation: string; statut: Statut; n: number }>();

  const byFormation = new Map<
    string,
    { libelle: string | null; cfd: string | null; counts: Partial<Record<Statut, number>> }
  >();
  for (const row of results) {
    const entry = byFormation.get(row.formation) ?? { libelle: row.libelle, cfd: row.cfd, counts: {} };
    entry.counts[row.statut] = row.n;
    byFormation.set(row.formation, entry);
  }
  return [...byFormation.values()]
    .map(({ libelle, cfd, counts }) => ({ libelle, cfd, indicateurs: indicateursFromStatuts(counts) }))
    .filter(({ indicateurs }) => indicateurs.apprenants + indicateurs.abandons > 0)
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

/**
 * A school year month by month: the counters at each month's date (`parStatut`: one statement per date), in one
 * batch; a month still to come has none.
 */
export async function evolutionParMois(
  db: Database,
  anneeScolaire: string,
  today: string,
  parStatut: (date: string) => D1PreparedStatement,
): Promise<PointEvolution[]> {
  const mois = moisDeLAnnee(anneeScolaire, today);
  const dates = mois.flatMap(({ date }) => (date ? [date] : []));
  const results = dates.length ? await db.$client.batch<{ statut: Statut; n: number }>(dates.map(parStatut)) : [];
  const byDate = new Map(dates.map((date, i) => [date, indicateursFromRows(results[i].results)]));
  return mois.map(({ mois, date }) => ({ mois, date, indicateurs: date ? byDate.get(date)! : null }));
}

/** An organisme's evolution over one school year. */
export function evolutionIndicateurs(
  db: Database,
  organismeIds: string[],
  anneeScolaire: string,
  today: string,
): Promise<PointEvolution[]> {
  return evolutionParMois(db, anneeScolaire, today, (date) => parStatut(db, organismeIds, date));
}
