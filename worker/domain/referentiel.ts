/** What the public look-ups of the sign-up answer (`/api/referentiel/*`); shared with the web app. */

/** An organisme of `GET /api/referentiel/organismes` (snake_case, as the reference service spells it). */
export interface OrganismeReferentiel {
  id: string;
  uai: string | null;
  siret: string;
  raison_sociale: string;
  enseigne: string | null;
  nature: string;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  ferme: boolean;
  fiable: boolean;
  fiabilite_raison: string;
}

/** `GET /api/referentiel/organismes?uai=&siret=`: the matches; none is an answer, with its `message`. */
export interface OrganismesTrouvesResponse {
  organismes: OrganismeReferentiel[];
  /** "Aucun organisme trouvé", only when there is none */
  message?: string;
}

export interface TerritoireNomme {
  code: string;
  nom: string;
}

/** `GET /api/referentiel/territoires`: the territories that have organismes, sorted by name. */
export interface TerritoiresResponse {
  regions: TerritoireNomme[];
  departements: TerritoireNomme[];
  academies: TerritoireNomme[];
}

/** `GET /api/referentiel/reseaux`: the réseaux already known. */
export interface ReseauxResponse {
  reseaux: string[];
}
