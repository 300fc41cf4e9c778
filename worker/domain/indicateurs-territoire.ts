/**
 * What the routes of a perimeter's indicators answer (`/api/indicateurs…`: réseaux, opérateurs publics,
 * administrators): its counters at a date, by département, organisme and formation, month by month, and the
 * nominative lists SPEC §8 lets the user open; shared with the web app.
 */
import type { ApprenantListe, Evolution, FormationsAt } from "./indicateurs-organisme";
import type { Indicateur, Indicateurs } from "./indicators";

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

/** The whole country: no territory, no réseau. */
export const isNational = (perimetre: Perimetre) =>
  perimetre.region === null &&
  perimetre.departement === null &&
  perimetre.academie === null &&
  perimetre.reseau === null;

/**
 * Why a nominative list's file is not made for the whole country (its pages are): it reads every matching learner
 * of a million effectifs.
 */
export const CHOISIR_UN_TERRITOIRE =
  "Au niveau national, les listes nominatives se téléchargent par région, département ou académie : choisissez un territoire.";

/** `GET /api/indicateurs?date=&region=&departement=&academie=`: the five counters of the perimeter. */
export interface IndicateursTerritoire {
  date: string;
  anneeScolaire: string;
  /** what was counted: the filters asked within what the user may see */
  perimetre: Perimetre;
  /** the fiable organismes counted */
  organismes: number;
  indicateurs: Indicateurs;
  /** the nominative lists the user may open on this perimeter (`/api/indicateurs/liste`), none for most réseaux */
  listes: Indicateur[];
}

export interface IndicateursDepartement {
  /** null for the organismes whose département is not known */
  departement: string | null;
  nom: string;
  indicateurs: Indicateurs;
}

/** `GET /api/indicateurs/departements?date=`: by the département of the organisme holding the effectifs. */
export interface DepartementsPerimetre {
  date: string;
  anneeScolaire: string;
  perimetre: Perimetre;
  departements: IndicateursDepartement[];
}

export interface IndicateursOrganismePerimetre {
  id: string;
  /** enseigne, else raison sociale */
  nom: string;
  uai: string | null;
  siret: string;
  departement: string | null;
  /** the organisme's own effectifs (those it trains), not its formateurs' */
  indicateurs: Indicateurs;
}

/** A page of rows sorted by apprenants, most first; `total` rows in all. */
interface PagePerimetre {
  date: string;
  anneeScolaire: string;
  perimetre: Perimetre;
  total: number;
  page: number;
  taille: number;
}

/** `GET /api/indicateurs/organismes?date=&page=&taille=`: the organismes counted that have effectifs at the date. */
export interface OrganismesPerimetre extends PagePerimetre {
  organismes: IndicateursOrganismePerimetre[];
}

/** `GET /api/indicateurs/formations?date=&page=&taille=`: the shape of an organisme's, paged. */
export interface FormationsPerimetre extends FormationsAt, PagePerimetre {}

/** `GET /api/indicateurs/evolution?annee=`: August to July, as an organisme's. */
export interface EvolutionPerimetre extends Evolution {
  perimetre: Perimetre;
}

export interface ApprenantPerimetre extends ApprenantListe {
  /** the organisme that trains the learner: enseigne, else raison sociale */
  organisme: string;
  uai: string | null;
}

/** `GET /api/indicateurs/liste?indicateur=&date=&export=csv|xlsx`: every row, for the file; not national. */
export interface ListePerimetre {
  indicateur: Indicateur;
  date: string;
  perimetre: Perimetre;
  total: number;
  rows: ApprenantPerimetre[];
}

/** `GET /api/indicateurs/liste?indicateur=&date=&page=&taille=`: one page of the list. */
export interface ListePerimetrePage extends ListePerimetre {
  page: number;
  taille: number;
}
