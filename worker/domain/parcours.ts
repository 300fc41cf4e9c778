/**
 * The statut of a learner day by day (SPEC §6), as a parcours: one entry per change.
 * Pure: the same dates always give the same parcours, so it can be stored at ingest and queried by date.
 */

export const STATUTS = ["INSCRIT", "APPRENTI", "RUPTURANT", "ABANDON", "FIN_DE_FORMATION"] as const;
export type Statut = (typeof STATUTS)[number];

export interface ParcoursEntry {
  date: string;
  statut: Statut;
}

export interface ContratDates {
  date_debut: string;
  date_fin?: string | null;
  date_rupture?: string | null;
}

export interface ParcoursInput {
  date_entree_formation: string;
  date_fin_formation: string;
  date_exclusion_formation?: string | null;
  contrats: ContratDates[];
}

/** One row of table effectif_statuts, without its effectif: the statut from `du` to `au` included. */
export interface StatutInterval {
  du: string;
  au: string | null;
  statut: Statut;
}

/** Days without contract before an inscrit who never had one leaves (SPEC §6 rule 3). */
export const MAX_JOURS_INSCRIT_SANS_CONTRAT = 90;
/** Days a rupturant keeps looking for a new contract before leaving. */
export const MAX_JOURS_RUPTURANT = 180;
/** A contract ended without rupture this close to the end of the formation counts as finishing it. */
export const TOLERANCE_FIN_DE_FORMATION_JOURS = 60;

/** Before any parcours, a learner is inscrit: the first interval starts here. */
export const DEBUT_DES_TEMPS = "0000-01-01";

const DAY_MS = 86_400_000;
/**
 * "YYYY-MM-DD" → days since 1970-01-01 (H. Hinnant's days_from_civil), the inverse of fromDay. Date.UTC would
 * read the years 0000–0099 as 1900–1999.
 */
function toDay(date: string): number {
  const m = +date.slice(5, 7);
  const y = +date.slice(0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + +date.slice(8, 10) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}
/**
 * Day number → "YYYY-MM-DD" by arithmetic (H. Hinnant's civil_from_days): a Date's toISOString was a third of a
 * parcours' cost. Years outside 0000–9999 go through a Date, as before.
 */
function fromDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export const dayBefore = (date: string) => fromDay(toDay(date) - 1);

interface Contrat {
  debut: number;
  /** last day under contract (the day before the rupture if ruptured) */
  dernierJour: number;
  finSansRupture: boolean;
}

/** Days under contract, merged: disjoint, sorted, not even adjacent. */
interface Periode {
  du: number;
  au: number;
}

/**
 * Interval by interval: the statut can only change on a few days (a period under contract begins or ends, a gap
 * reaches 90 or 180 days, the first contract, a contract's end near the end of the formation, the last day, the
 * exclusion), so it is read on those days only and is the same until the next one.
 */
export function computeParcours(input: ParcoursInput): ParcoursEntry[] {
  const finFormation = toDay(input.date_fin_formation);
  const contrats: Contrat[] = input.contrats.map((c) => {
    const debut = toDay(c.date_debut);
    if (c.date_rupture) return { debut, dernierJour: toDay(c.date_rupture) - 1, finSansRupture: false };
    if (c.date_fin) return { debut, dernierJour: toDay(c.date_fin), finSansRupture: true };
    return { debut, dernierJour: finFormation, finSansRupture: false };
  });
  const premierContrat = Math.min(...contrats.map((c) => c.debut));
  const start = Math.min(toDay(input.date_entree_formation), premierContrat);
  if (start > finFormation) return [];
  const exclusion = input.date_exclusion_formation ? toDay(input.date_exclusion_formation) : Infinity;

  // Rule 1: contracts mark APPRENTI.
  const periodes: Periode[] = [];
  const parDebut = contrats
    .map((c) => ({ du: c.debut, au: Math.min(c.dernierJour, finFormation) }))
    .filter((p) => p.du <= p.au)
    .sort((a, b) => a.du - b.du);
  for (const p of parDebut) {
    const last = periodes.at(-1);
    if (last && p.du <= last.au + 1) last.au = Math.max(last.au, p.au);
    else periodes.push({ ...p });
  }

  // Rule 4: contracts ended without rupture close enough to the end of the formation.
  const finissants = contrats.filter(
    (c) => c.finSansRupture && finFormation - c.dernierJour <= TOLERANCE_FIN_DE_FORMATION_JOURS,
  );
  const dernierContrat = contrats.reduce<Contrat | null>(
    (latest, c) =>
      !latest || c.debut > latest.debut || (c.debut === latest.debut && c.dernierJour > latest.dernierJour)
        ? c
        : latest,
    null,
  );

  const statutDuJour = (day: number): Statut => {
    if (day >= exclusion) return "ABANDON"; // Rule 2 overrides everything.
    let dernierJourSousContrat = start - 1;
    for (const p of periodes) {
      if (p.du > day) break;
      if (day <= p.au) return day === finFormation ? "FIN_DE_FORMATION" : "APPRENTI";
      dernierJourSousContrat = p.au;
    }
    // Rule 4: no day under contract between the contract's end and this day.
    const apresFin = finissants.some(
      (c) => c.dernierJour < day && (dernierJourSousContrat <= c.dernierJour || dernierJourSousContrat < start),
    );
    if (apresFin) return "FIN_DE_FORMATION";
    // Rule 3: consecutive days without contract.
    const joursSansContrat = day - dernierJourSousContrat;
    const statut: Statut =
      day >= premierContrat
        ? joursSansContrat <= MAX_JOURS_RUPTURANT
          ? "RUPTURANT"
          : "ABANDON"
        : joursSansContrat <= MAX_JOURS_INSCRIT_SANS_CONTRAT
          ? "INSCRIT"
          : "ABANDON";
    if (day === finFormation && (statut === "INSCRIT" || dernierContrat?.finSansRupture)) return "FIN_DE_FORMATION";
    return statut;
  };

  const changes = [
    start,
    premierContrat,
    finFormation,
    exclusion,
    start + MAX_JOURS_INSCRIT_SANS_CONTRAT,
    start + MAX_JOURS_RUPTURANT,
  ];
  for (const p of periodes)
    changes.push(p.du, p.au + 1, p.au + 1 + MAX_JOURS_INSCRIT_SANS_CONTRAT, p.au + 1 + MAX_JOURS_RUPTURANT);
  for (const c of finissants) changes.push(c.dernierJour + 1);
  const days = [...new Set(changes.filter((d) => d >= start && d <= finFormation))].sort((a, b) => a - b);

  const parcours: ParcoursEntry[] = [];
  for (const day of days) {
    const statut = statutDuJour(day);
    if (parcours.at(-1)?.statut !== statut) parcours.push({ date: fromDay(day), statut });
  }
  return parcours;
}

/** The statut on `date`: the last entry on or before it, INSCRIT before the first. */
export function statutAt(parcours: ParcoursEntry[], date: string): Statut {
  let statut: Statut = "INSCRIT";
  for (const entry of parcours) {
    if (entry.date > date) break;
    statut = entry.statut;
  }
  return statut;
}

/** The parcours as closed intervals for effectif_statuts: from DEBUT_DES_TEMPS, the last one open-ended. */
export function parcoursToIntervals(parcours: ParcoursEntry[]): StatutInterval[] {
  const intervals: StatutInterval[] = [];
  let current: { du: string; statut: Statut } = { du: DEBUT_DES_TEMPS, statut: "INSCRIT" };
  for (const entry of parcours) {
    if (entry.statut === current.statut) continue;
    intervals.push({ du: current.du, au: dayBefore(entry.date), statut: current.statut });
    current = { du: entry.date, statut: entry.statut };
  }
  intervals.push({ ...current, au: null });
  return intervals;
}
