/** The columns of Mes effectifs (its rows are `EffectifListRow` of worker/domain/effectifs-liste.ts). */
export const COLUMNS = [
  { key: "formation", label: "Formation" },
  { key: "apprenant", label: "Apprenant" },
  { key: "statut", label: "Statut sur TBA" },
  { key: "employeur", label: "Employeur" },
  { key: "debut", label: "Début" },
  { key: "fin", label: "Fin" },
  { key: "etat", label: "État du dossier" },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]["key"];
