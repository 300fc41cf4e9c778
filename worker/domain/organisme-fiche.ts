/** What `GET /api/organismes/:id` answers: the dashboard card of an organisme; shared with the web app. */
import type { ModeTransmission } from "./transmission-view";
import type { TransmissionResume } from "./transmissions-historique";

export interface OrganismeFiche {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  nature: string;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: boolean;
  /** in the national référentiel */
  referentiel: boolean;
  erp: string | null;
  modeTransmission: ModeTransmission | null;
  configuredAt: string | null;
  /** the latest push, applied or held (a held push sets it too: see dossiersEnAttente) */
  lastTransmissionAt: string | null;
  /** records pushed before "Je confirme", waiting for the organisme's decision */
  dossiersEnAttente: number;
  fiabilite: { fiable: boolean; raison: string };
  /** suspected duplicates still to look at, in the organisme and its formateurs (the Doublons page) */
  doublonsATraiter: number;
  /** how many formateurs the organisme is responsable of */
  formateurs: number;
  /** the latest push (by the ERP or a file), its counts as in the history of transmissions */
  derniereTransmission: Omit<TransmissionResume, "id" | "organismeId"> | null;
}

export interface OrganismeFicheResponse {
  organisme: OrganismeFiche;
}

/** An organisme of the scope of Mes effectifs: the organisme itself, then its formateurs. */
export interface OrganismeDuPerimetre {
  id: string;
  nom: string;
  uai: string | null;
  siret: string;
}

/** `GET /api/organismes/:id/formateurs`: the organisme and its formateurs, for the filter of Mes effectifs. */
export interface FormateursResponse {
  organismes: OrganismeDuPerimetre[];
}
