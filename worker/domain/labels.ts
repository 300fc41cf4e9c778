import type { Statut } from "./parcours";

/** French labels of the statuts, as the transmission report of the seed shows them ("En contrat"). */
export const STATUT_LABELS: Record<Statut, string> = {
  INSCRIT: "Inscrit",
  APPRENTI: "En contrat",
  RUPTURANT: "Rupturant",
  ABANDON: "Abandon",
  FIN_DE_FORMATION: "Fin de formation",
};

/** Outcome of a dossier in a transmission, as the OFA reads it. */
export const OUTCOME_LABELS = {
  created: "Transmis sur TBA",
  updated: "Transmis sur TBA",
  unchanged: "Transmis sur TBA",
  held: "En attente de confirmation",
  invalid: "Invalide pour TBA",
} as const;

export const statutLabel = (statut: Statut | null | undefined): string => (statut ? STATUT_LABELS[statut] : "");
