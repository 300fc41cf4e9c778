/** What `GET /api/indicateurs` answers: the counters of a perimeter (réseaux, opérateurs publics, administrators). */
import type { Indicateurs } from "./indicators";

/** What a perimeter counts (worker/data/perimetre.ts), in the sentence its pages show. */
export const DEFINITION_PERIMETRE =
  "Les effectifs comptés sont ceux des organismes fiables du périmètre et de leurs organismes formateurs, chaque apprenant une seule fois.";

/** What territorial counters cover (null = no filter on that level). */
export interface Perimetre {
  region: string | null;
  departement: string | null;
  academie: string | null;
  /** only the members of this réseau (reseau_membres) */
  reseau: string | null;
}

export interface IndicateursTerritoire {
  date: string;
  anneeScolaire: string;
  /** what was counted: the filters asked within what the user may see */
  perimetre: Perimetre;
  /** the fiable organismes counted */
  organismes: number;
  indicateurs: Indicateurs;
}
