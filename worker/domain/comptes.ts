/** What the accounts routes answer (`/api/auth/*`, `/api/comptes`); shared with the web app. */

/** The logged-in user as the API describes them. */
export interface Me {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  status: "pending" | "active" | "disabled";
  isAdmin: boolean;
  /** the role in the organisation: an administrateur manages its members (Mon organisation) and its transmission */
  role: "administrateur" | "membre";
  /** ORGANISME_FORMATION | RESEAU | DREETS | DDETS | ACADEMIE | ADMINISTRATEUR */
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
}

/**
 * `GET /api/auth/session` (null for a visitor), `POST /api/auth/connexion` and `POST /api/auth/inscription` (null
 * only if the account vanished between its creation and the answer), `GET /api/auth/me` (never null).
 */
export interface SessionResponse {
  user: Me | null;
}

/** `POST /api/auth/mot-de-passe-oublie` and `POST /api/auth/reinitialiser-mot-de-passe`: the French sentence to show. */
export interface MessageResponse {
  message: string;
}

/** An account waiting for validation. */
export interface CompteEnAttente {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  fonction: string | null;
  createdAt: string;
  organisationId: string;
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
  /** the organisme's UAI and SIRET (an OFA) */
  uai: string | null;
  siret: string | null;
  /** a réseau's name, an opérateur public's or an ARML's territory, a Mission Locale's name */
  reseau: string | null;
  codeRegion: string | null;
  codeDepartement: string | null;
  codeAcademie: string | null;
  missionLocale: string | null;
}

/** `GET /api/comptes`: the accounts the user may decide on, oldest first. */
export interface ComptesEnAttenteResponse {
  comptes: CompteEnAttente[];
}
