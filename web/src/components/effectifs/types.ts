import type { EffectifListRow } from "../../../../worker/domain/effectifs-liste";

export type EffectifRow = EffectifListRow;

export interface EffectifsPage {
  total: number;
  page: number;
  taille: number;
  rows: EffectifRow[];
}

export const COLUMNS = [
  { key: "formation", label: "Formation" },
  { key: "apprenant", label: "Apprenant" },
  { key: "statut", label: "Statut" },
  { key: "employeur", label: "Employeur" },
  { key: "debut", label: "Début" },
  { key: "fin", label: "Fin" },
  { key: "etat", label: "État du dossier" },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]["key"];
