/**
 * The statut of a learner day by day (SPEC §6), compressed into a parcours: one entry per change.
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
const toDay = (date: string) => Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const dayBefore = (date: string) => fromDay(toDay(date) - 1);

interface Contrat {
  debut: number;
  /** last day under contract (the day before the rupture if ruptured) */
  dernierJour: number;
  finSansRupture: boolean;
}

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

  const length = finFormation - start + 1;
  const statuts: Statut[] = new Array(length);

  // Rule 1: contracts mark APPRENTI.
  const sousContrat = new Uint8Array(length);
  for (const c of contrats) {
    for (let d = Math.max(c.debut, start); d <= Math.min(c.dernierJour, finFormation); d++) sousContrat[d - start] = 1;
  }

  // Rule 3: consecutive days without contract.
  let joursSansContrat = 0;
  for (let i = 0; i < length; i++) {
    if (sousContrat[i]) {
      joursSansContrat = 0;
      statuts[i] = "APPRENTI";
      continue;
    }
    joursSansContrat++;
    const contratAExiste = start + i >= premierContrat;
    if (contratAExiste) statuts[i] = joursSansContrat <= MAX_JOURS_RUPTURANT ? "RUPTURANT" : "ABANDON";
    else statuts[i] = joursSansContrat <= MAX_JOURS_INSCRIT_SANS_CONTRAT ? "INSCRIT" : "ABANDON";
  }

  // Rule 4: the end of the formation.
  for (const c of contrats) {
    if (!c.finSansRupture || finFormation - c.dernierJour > TOLERANCE_FIN_DE_FORMATION_JOURS) continue;
    for (let d = c.dernierJour + 1; d <= finFormation && !sousContrat[d - start]; d++) statuts[d - start] = "FIN_DE_FORMATION";
  }
  const last = length - 1;
  const dernierContrat = contrats.reduce<Contrat | null>(
    (latest, c) => (!latest || c.debut > latest.debut || (c.debut === latest.debut && c.dernierJour > latest.dernierJour) ? c : latest),
    null,
  );
  if (statuts[last] === "APPRENTI" || statuts[last] === "INSCRIT" || dernierContrat?.finSansRupture) statuts[last] = "FIN_DE_FORMATION";

  // Rule 2, last because it overrides everything: excluded learners have left.
  if (input.date_exclusion_formation) {
    for (let d = Math.max(toDay(input.date_exclusion_formation), start); d <= finFormation; d++) statuts[d - start] = "ABANDON";
  }

  const parcours: ParcoursEntry[] = [];
  for (let i = 0; i < length; i++) {
    if (i === 0 || statuts[i] !== statuts[i - 1]) parcours.push({ date: fromDay(start + i), statut: statuts[i] });
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
