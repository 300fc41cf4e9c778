/** The counters as Mes indicateurs shows them (the API's answers are typed in worker/domain/indicateurs-organisme.ts). */
import type { Indicateur } from "../../../../worker/domain/indicators";

/** Labels of the five counters, as "Aperçu de vos effectifs" shows them. */
export const INDICATEUR_LABELS: Record<Indicateur, string> = {
  apprenants: "apprenants",
  apprentis: "dont apprentis",
  rupturants: "dont rupturants",
  inscrits: "dont jeunes sans contrat",
  abandons: "sorties d'apprentissage",
};

export const INDICATEURS = Object.keys(INDICATEUR_LABELS) as Indicateur[];
