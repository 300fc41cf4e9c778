/** A row of "Mes effectifs" (GET /api/organismes/:id/effectifs), shared by the API and the web app. */
export interface EffectifListRow {
  effectifId: string | null;
  organismeId: string;
  identity: string;
  formation: string | null;
  apprenant: string;
  statut: string | null;
  employeur: string | null;
  debut: string | null;
  fin: string | null;
  /** "Transmis sur TBA" | "Invalide pour TBA" | "En attente de confirmation" */
  etat: string;
  erreurs: { message: string; path: string }[];
  majLe: string | null;
}
