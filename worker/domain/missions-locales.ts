/**
 * Missions Locales and the apprentices in rupture (SPEC §10): who is on a Mission Locale's worklist, the follow-up
 * states, and what the routes answer (`/api/mission-locale/*`, `/api/arml/*`, the CFA's side under
 * `/api/organismes/:id/effectifs/:effectifId/mission-locale`). Pure: shared with the web app and the tests.
 */
import type { ParcoursEntry } from "./parcours";
import { MAX_JOURS_RUPTURANT } from "./parcours";

/** The worklist's tabs: in rupture now, back under contract lately, left after 180 days of rupture. */
export const ONGLETS_RUPTURE = ["rupturants", "nouveau_contrat", "abandons"] as const;
export type OngletRupture = (typeof ONGLETS_RUPTURE)[number];

export const ONGLET_LABELS: Record<OngletRupture, string> = {
  rupturants: "Jeunes en rupture",
  nouveau_contrat: "Nouveau contrat signé",
  abandons: "Sorties après rupture",
};

/** A learner back under contract stays visible, as "nouveau contrat signé", this many days after its start. */
export const JOURS_NOUVEAU_CONTRAT_VISIBLE = 30;
/** An abandon after a rupture stays on its tab this many days after the rupture. */
export const JOURS_ABANDON_VISIBLE = 365;
/** The learners a Mission Locale accompanies (SPEC §10): 16 to 25 at today, or RQTH at any age. */
export const AGE_MIN = 16;
export const AGE_MAX = 25;

export const ETATS_SUIVI = [
  "a_traiter",
  "a_recontacter",
  "contacte",
  "accompagnement_demarre",
  "injoignable",
  "refus",
  "deja_accompagne",
] as const;
export type EtatSuivi = (typeof ETATS_SUIVI)[number];

export const ETAT_SUIVI_LABELS: Record<EtatSuivi, string> = {
  a_traiter: "À traiter",
  a_recontacter: "À recontacter",
  contacte: "Contacté",
  accompagnement_demarre: "Accompagnement démarré",
  injoignable: "Injoignable",
  refus: "Ne souhaite pas être accompagné",
  deja_accompagne: "Déjà accompagné",
};

/** Why a CFA signals a learner to the Mission Locale (accompagnement conjoint). */
export const MOTIFS_SIGNALEMENT = [
  "recherche_employeur",
  "difficultes_personnelles",
  "risque_decrochage",
  "orientation",
  "autre",
] as const;
export type MotifSignalement = (typeof MOTIFS_SIGNALEMENT)[number];

export const MOTIF_SIGNALEMENT_LABELS: Record<MotifSignalement, string> = {
  recherche_employeur: "Recherche d'un nouvel employeur",
  difficultes_personnelles: "Difficultés personnelles (logement, mobilité, santé…)",
  risque_decrochage: "Risque de décrochage de la formation",
  orientation: "Besoin d'orientation ou de réorientation",
  autre: "Autre",
};

/** Notes are short: a follow-up is not a case file. */
export const NOTE_MAX = 1000;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
export const joursEntre = (du: string, au: string) => Math.round(dayNumber(au) - dayNumber(du));

/** Age in whole years at `today` (both "YYYY-MM-DD"). */
export function ageAt(dateDeNaissance: string, today: string): number {
  const years = +today.slice(0, 4) - +dateDeNaissance.slice(0, 4);
  return today.slice(5, 10) < dateDeNaissance.slice(5, 10) ? years - 1 : years;
}

export const accompagnable = (age: number, rqth: boolean) => rqth || (age >= AGE_MIN && age <= AGE_MAX);

export interface SituationRupture {
  onglet: OngletRupture;
  /** first day of the last rupture (the contract's date de rupture) */
  dateRupture: string;
  joursDepuisRupture: number;
}

/**
 * Where a learner stands for a Mission Locale at `today`, from its parcours (SPEC §6): rupturant now (at most 180
 * days: beyond, the learner is ABANDON even if the formation ended first and the parcours stops at RUPTURANT), back
 * under contract for less than JOURS_NOUVEAU_CONTRAT_VISIBLE days after a rupture, or ABANDON after a rupture
 * (JOURS_ABANDON_VISIBLE days at most). Null: not a Mission Locale's concern today.
 */
export function situationRupture(parcours: readonly ParcoursEntry[], today: string): SituationRupture | null {
  let courant = -1;
  for (let i = 0; i < parcours.length && parcours[i].date <= today; i++) courant = i;
  if (courant < 0) return null;
  const entree = parcours[courant];
  const precedent = parcours[courant - 1];
  if (entree.statut === "RUPTURANT") {
    const jours = joursEntre(entree.date, today);
    // The day of the rupture is the first of the 180 days without contract: the parcours turns ABANDON on day
    // rupture + 180, and so does a parcours that stopped at RUPTURANT.
    return {
      onglet: jours >= MAX_JOURS_RUPTURANT ? "abandons" : "rupturants",
      dateRupture: entree.date,
      joursDepuisRupture: jours,
    };
  }
  if (precedent?.statut !== "RUPTURANT") return null;
  const jours = joursEntre(precedent.date, today);
  if (entree.statut === "APPRENTI" && joursEntre(entree.date, today) <= JOURS_NOUVEAU_CONTRAT_VISIBLE)
    return { onglet: "nouveau_contrat", dateRupture: precedent.date, joursDepuisRupture: jours };
  if (entree.statut === "ABANDON" && jours <= JOURS_ABANDON_VISIBLE)
    return { onglet: "abandons", dateRupture: precedent.date, joursDepuisRupture: jours };
  return null;
}

// ---- what the routes answer ----

export interface MissionLocaleResume {
  id: string;
  nom: string;
  commune: string | null;
  codeDepartement: string;
  codeRegion: string;
  telephone: string | null;
  email: string | null;
}

/** One learner of the worklist (the fields SPEC §10 allows, nothing else). */
export interface JeuneEnRupture {
  effectifId: string;
  nom: string;
  prenom: string;
  /** "F" | "M" | null */
  sexe: string | null;
  age: number;
  mineur: boolean;
  rqth: boolean;
  telephone: string | null;
  email: string | null;
  commune: { code: string | null; nom: string | null };
  formation: string | null;
  cfa: { id: string; nom: string; commune: string | null; contact: string | null };
  siretEmployeur: string | null;
  dateRupture: string;
  joursDepuisRupture: number;
  onglet: OngletRupture;
  etat: EtatSuivi;
  recontacterLe: string | null;
  /** the CFA signalled the learner (accompagnement conjoint): listed first, flagged */
  signaleAt: string | null;
}

export type CompteursOnglets = Record<OngletRupture, number>;
export type CompteursEtats = Record<EtatSuivi, number>;

/** `GET /api/mission-locale/jeunes`: one page of a tab, with the counters and the filters' choices. */
export interface JeunesEnRupturePage {
  missionLocale: MissionLocaleResume;
  onglet: OngletRupture;
  aujourdhui: string;
  /** per tab, before the filters */
  onglets: CompteursOnglets;
  /** per follow-up state, over the "rupturants" tab, before the filters */
  etats: CompteursEtats;
  total: number;
  page: number;
  pages: number;
  taille: number;
  jeunes: JeuneEnRupture[];
  communes: { code: string; nom: string }[];
  cfas: { id: string; nom: string }[];
}

/** `GET /api/mission-locale/jeunes?export=csv|xlsx`: every learner retained by the filters (logged). */
export interface JeunesEnRuptureExport {
  onglet: OngletRupture;
  jeunes: JeuneEnRupture[];
}

/** One event of a follow-up's history. */
export interface SuiviEvenement {
  at: string;
  auteur: string;
  cote: "mission_locale" | "cfa";
  /** a change of state (null: a signalement by the CFA) */
  etat: EtatSuivi | null;
  recontacterLe: string | null;
  motif: MotifSignalement | null;
  contactNom: string | null;
  contactTelephone: string | null;
  note: string | null;
}

/** `GET /api/mission-locale/jeunes/:effectifId`: the learner, its contact details and the history (logged). */
export interface JeuneEnRuptureDetail {
  jeune: JeuneEnRupture;
  historique: SuiviEvenement[];
}

/** `POST /api/mission-locale/jeunes/:effectifId/suivi` body. */
export interface ChangementSuivi {
  etat: EtatSuivi;
  /** required for "a_recontacter" */
  recontacterLe?: string;
  note?: string;
}

/** `GET /api/mission-locale/resume`: the Mission Locale's dashboard counters. */
export interface MissionLocaleTableau {
  missionLocale: MissionLocaleResume;
  aujourdhui: string;
  onglets: CompteursOnglets;
  etats: CompteursEtats;
  signales: number;
  aRecontacterAujourdhui: number;
}

/** `GET /api/arml/missions-locales`: activity of the Missions Locales of the ARML's région, no nominative data. */
export interface ArmlActivite {
  region: { code: string; nom: string };
  aujourdhui: string;
  missionsLocales: (MissionLocaleResume & { onglets: CompteursOnglets; etats: CompteursEtats; signales: number })[];
}

/**
 * The CFA's side (`GET /api/organismes/:id/effectifs/:effectifId/mission-locale`): the Mission Locale covering the
 * learner's commune (null: none known), where the learner stands and the follow-up's history.
 */
export interface SuiviCoteCfa {
  missionLocale: MissionLocaleResume | null;
  situation: SituationRupture | null;
  etat: EtatSuivi | null;
  recontacterLe: string | null;
  signaleAt: string | null;
  historique: SuiviEvenement[];
}

/** `POST /api/organismes/:id/effectifs/:effectifId/mission-locale/signalement` body. */
export interface Signalement {
  motif: MotifSignalement;
  note?: string;
  contactNom: string;
  contactTelephone: string;
}

/** `GET /api/referentiel/missions-locales?q=`: the sign-up's search. */
export interface MissionsLocalesRecherche {
  missionsLocales: MissionLocaleResume[];
}
