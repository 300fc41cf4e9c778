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

/** `GET /api/organismes/:id/transmissions?jours=`: one entry per day, over the last `jours` days. */
export interface TransmissionsParJour {
  jours: number;
  parJour: TransmissionsJour[];
}

/** `GET /api/organismes/:id/transmissions?date=`: the pushes of one day. */
export interface TransmissionsDuJour {
  date: string;
  transmissions: TransmissionResume[];
}

/** `GET /api/organismes/:id/transmissions/:transmissionId`: one push and its dossiers still invalid. */
export interface TransmissionDetail {
  transmission: TransmissionResume;
  dossiersInvalides: DossierInvalide[];
}
