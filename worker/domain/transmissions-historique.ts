/** The history of an organisme's pushes as the API answers it (page Transmissions); shared with the web app. */

export interface TransmissionsJour {
  /** "YYYY-MM-DD", Paris */
  date: string;
  transmissions: number;
  recus: number;
  /** created + updated + unchanged */
  valides: number;
  invalides: number;
  enAttente: number;
}

export interface TransmissionResume {
  id: string;
  organismeId: string;
  source: string;
  receivedAt: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  held: number;
  invalid: number;
}

export interface DossierInvalide {
  organismeId: string;
  nom: string | null;
  prenom: string | null;
  formation: string | null;
  anneeScolaire: string | null;
  idErpApprenant: string | null;
  erreurs: { message: string; path: string }[];
}
