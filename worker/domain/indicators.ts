/** The five counters of SPEC §6, from counts of effectifs per statut at one date. Pure. */
import type { Statut } from "./parcours";

export interface Indicateurs {
  apprenants: number;
  apprentis: number;
  rupturants: number;
  inscrits: number;
  abandons: number;
}

export function indicateursFromStatuts(counts: Partial<Record<Statut, number>>): Indicateurs {
  const apprentis = (counts.APPRENTI ?? 0) + (counts.FIN_DE_FORMATION ?? 0);
  const inscrits = counts.INSCRIT ?? 0;
  const rupturants = counts.RUPTURANT ?? 0;
  return {
    apprenants: apprentis + inscrits + rupturants,
    apprentis,
    rupturants,
    inscrits,
    abandons: counts.ABANDON ?? 0,
  };
}

/** The same from counted rows (statut, n), as the counters' queries give them. */
export const indicateursFromRows = (rows: { statut: Statut; n: number }[]): Indicateurs =>
  indicateursFromStatuts(Object.fromEntries(rows.map((r) => [r.statut, r.n])));

/** One of the five counters, as the API names it (`?indicateur=` of the nominative list). */
export type Indicateur = keyof Indicateurs;
