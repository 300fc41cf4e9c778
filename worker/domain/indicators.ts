/** The five counters of SPEC §6, from counts of effectifs per statut at one date. Pure. */
export type Statut = "INSCRIT" | "APPRENTI" | "RUPTURANT" | "ABANDON" | "FIN_DE_FORMATION";

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
  return { apprenants: apprentis + inscrits + rupturants, apprentis, rupturants, inscrits, abandons: counts.ABANDON ?? 0 };
}

/** The effectifs counted at a date: those of the school year containing it (August boundary) and of its calendar year. */
export function anneesScolairesAt(date: string): { scolaire: string; civile: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 8 ? year : year - 1;
  return { scolaire: `${start}-${start + 1}`, civile: `${year}-${year}` };
}
