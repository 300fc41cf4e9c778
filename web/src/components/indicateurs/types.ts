/** Shapes of the Mes indicateurs and Transmissions API answers. */
import type { Indicateurs } from "../dashboard/Counters";

export type Indicateur = keyof Indicateurs;

/** Labels of the five counters, as "Aperçu de vos effectifs" shows them. */
export const INDICATEUR_LABELS: Record<Indicateur, string> = {
  apprenants: "apprenants",
  apprentis: "dont apprentis",
  rupturants: "dont rupturants",
  inscrits: "dont jeunes sans contrat",
  abandons: "sorties d'apprentissage",
};

export const INDICATEURS = Object.keys(INDICATEUR_LABELS) as Indicateur[];

export interface IndicateursAt {
  date: string;
  anneeScolaire: string;
  indicateurs: Indicateurs;
}

export interface FormationsAt {
  date: string;
  formations: { libelle: string | null; cfd: string | null; indicateurs: Indicateurs }[];
}

export interface Evolution {
  anneeScolaire: string;
  points: { mois: string; date: string | null; indicateurs: Indicateurs | null }[];
}

export interface ApprenantListe {
  effectifId: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  cfd: string | null;
  statut: "INSCRIT" | "APPRENTI" | "RUPTURANT" | "ABANDON" | "FIN_DE_FORMATION";
  depuis: string | null;
  contrat: {
    dateDebut: string;
    dateFin: string | null;
    dateRupture: string | null;
    siretEmployeur: string | null;
  } | null;
}

export interface Liste {
  indicateur: Indicateur;
  date: string;
  total: number;
  rows: ApprenantListe[];
}

export type {
  DossierInvalide,
  TransmissionResume,
  TransmissionsJour,
} from "../../../../worker/domain/transmissions-historique";
