import type { EffectifListRow } from "../../../../worker/domain/effectifs-liste";

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

/** The sortable columns: the seed's, and the organisme formateur's (shown when the organisme has formateurs). */
export type SortKey = ColumnKey | "organisme";

/** "CAP PATISSIER 01/09/2023-30/06/2025 (CFD 50022137)": the formation with its dates and diploma, as in the seed. */
export function libelleFormation(row: EffectifListRow): string {
  const dates = row.formationDebut || row.formationFin ? `${row.formationDebut ?? ""}-${row.formationFin ?? ""}` : "";
  return [row.formation, dates, row.diplome ? `(${row.diplome})` : ""].filter(Boolean).join(" ");
}

/** "MARTIN Léa (F)". */
export const libelleApprenant = (row: EffectifListRow) => (row.sexe ? `${row.apprenant} (${row.sexe})` : row.apprenant);
