/** What the "Mon compte" routes answer (`/api/compte/*`); shared with the web app. */

/** One open session of the user (the current one marked). */
export interface SessionOuverte {
  /** the first characters of the session's hash: enough to tell them apart, useless to take one over */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  courante: boolean;
}

export interface MonCompte {
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  fonction: string | null;
  organisationLabel: string;
}

/** `GET /api/compte`, and the answer of `POST /api/compte/identite`. */
export interface MonCompteResponse {
  compte: MonCompte;
  sessions: SessionOuverte[];
}

/** `POST /api/compte/mot-de-passe`: the French sentence to show and how many other sessions were ended. */
export interface MotDePasseModifie {
  message: string;
  sessionsFermees: number;
}
