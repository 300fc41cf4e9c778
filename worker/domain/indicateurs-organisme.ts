/**
 * What Mes indicateurs' routes answer (`/api/organismes/:id/indicateurs…`): counters of an organisme and its
 * formateurs at a date, by formation, month by month, and the nominative list behind a counter; shared with the
 * web app.
 */
import type { Indicateur, Indicateurs } from "./indicators";
import type { Statut } from "./parcours";

/** `GET /api/organismes/:id/indicateurs?date=`: the five counters at `date` (today in Paris by default). */
export interface IndicateursAt {
  date: string;
  anneeScolaire: string;
  indicateurs: Indicateurs;
}

export interface IndicateursFormation {
  libelle: string | null;
  cfd: string | null;
  indicateurs: Indicateurs;
}

/** `GET /api/organismes/:id/indicateurs/formations?date=`: most apprenants first. */
export interface FormationsAt {
  date: string;
  anneeScolaire: string;
  formations: IndicateursFormation[];
}

export interface PointEvolution {
  /** "2026-08" */
  mois: string;
  /** the day counted: the month's last day, today for the current month, null for a month still to come */
  date: string | null;
  indicateurs: Indicateurs | null;
}

/** `GET /api/organismes/:id/indicateurs/evolution?annee=`: August to July. */
export interface Evolution {
  anneeScolaire: string;
  points: PointEvolution[];
}

export interface ContratALaDate {
  dateDebut: string;
  dateFin: string | null;
  dateRupture: string | null;
  siretEmployeur: string | null;
}

export interface ApprenantListe {
  effectifId: string;
  organismeId: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  cfd: string | null;
  statut: Statut;
  /** first day of the current statut; null for an inscrit whose formation has not started yet */
  depuis: string | null;
  /** the latest contract begun on or before the date, if any */
  contrat: ContratALaDate | null;
}

/** `GET /api/organismes/:id/indicateurs/liste?indicateur=&date=&export=csv|xlsx`: every row, for the file. */
export interface Liste {
  indicateur: Indicateur;
  date: string;
  total: number;
  rows: ApprenantListe[];
}

/** `GET /api/organismes/:id/indicateurs/liste?indicateur=&date=&page=&taille=`: one page of the list. */
export interface ListePage extends Liste {
  page: number;
  taille: number;
}
