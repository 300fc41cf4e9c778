/** A row of GET /api/organismes/:id/effectifs. */
export interface EffectifRow {
  effectifId: string | null;
  organismeId: string;
  identity: string;
  formation: string | null;
  apprenant: string;
  statut: string | null;
  employeur: string | null;
  debut: string | null;
  fin: string | null;
  etat: string;
  erreurs: { message: string; path: string }[];
  majLe: string | null;
}

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
