/** What the administration routes answer (`/api/administration/*`, administrators only); shared with the web app. */
import type { ConnectionState, ConnectionStatus } from "./connection-state";
import type { AuditView } from "./transmission-view";

export type StatutCompte = "pending" | "active" | "disabled";

export const STATUTS_COMPTE: Record<StatutCompte, string> = {
  pending: "En attente",
  active: "Actif",
  disabled: "Désactivé",
};

/** What names an organisation beyond its label: its organisme's UAI/SIRET, its territory, réseau or Mission Locale. */
export interface OrganisationDetail {
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
  uai: string | null;
  siret: string | null;
  reseau: string | null;
  codeRegion: string | null;
  codeDepartement: string | null;
  codeAcademie: string | null;
  missionLocale: string | null;
}

export interface UtilisateurAdmin extends OrganisationDetail {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  fonction: string | null;
  status: StatutCompte;
  isAdmin: boolean;
  createdAt: string;
  validatedAt: string | null;
}

/** `GET /api/administration/utilisateurs?q=&statut=&page=`. */
export interface UtilisateursPage {
  utilisateurs: UtilisateurAdmin[];
  total: number;
  page: number;
  taille: number;
}

/** An organisme found by the administration's search (UAI, SIRET or name, the whole référentiel). */
export interface OrganismeTrouveAdmin {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  modeTransmission: "api" | "manuel" | null;
  lastTransmissionAt: string | null;
  utilisateurs: number;
}

/** `GET /api/administration/organismes?q=`. */
export interface OrganismesAdminResponse {
  organismes: OrganismeTrouveAdmin[];
  /** more matched than were answered: the search should be narrowed */
  tronque: boolean;
}

export interface CleAdmin {
  id: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface TransmissionAdmin {
  id: string;
  source: string;
  receivedAt: string;
  total: number;
  valides: number;
  held: number;
  invalid: number;
  /** invalid / total, 0 … 1 (0 for an empty push) */
  tauxErreur: number;
}

/** `GET /api/administration/organismes/:id`: the support view of one organisme. */
export interface OrganismeSupport {
  organisme: {
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
    referentiel: boolean;
    erp: string | null;
    erpLabel: string | null;
    modeTransmission: "api" | "manuel" | null;
    configuredAt: string | null;
    configuredBy: string | null;
    lastTransmissionAt: string | null;
  };
  fiabilite: { fiable: boolean; raison: string };
  utilisateurs: UtilisateurAdmin[];
  connection: ConnectionState;
  audit: AuditView[];
  cles: CleAdmin[];
  transmissions: TransmissionAdmin[];
  /** over the transmissions shown: invalid dossiers / dossiers received */
  tauxErreur: number;
}

/** How an organisme transmits, as the overview shows it. */
export type ModeVue = "api" | "manuel" | "none";

/** The procedure's state as D1 records it (the overview reads every organisme at once, not every hub). */
export type EtatProcedureVue = ConnectionStatus;

export const ETATS_PROCEDURE: Record<EtatProcedureVue, string> = {
  none: "Non commencée",
  key_generated: "Clé générée",
  installed: "Clé installée, à confirmer",
  confirmed: "Confirmée",
  refused: "Refusée",
};

export interface OrganismeVueTransmission {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  region: string | null;
  mode: ModeVue;
  erp: string | null;
  erpLabel: string | null;
  etat: EtatProcedureVue;
  clePresente: boolean;
  lastTransmissionAt: string | null;
  /** the last push's invalid dossiers / its dossiers (null: never transmitted) */
  partInvalides: number | null;
}

/** `GET /api/administration/transmissions?erp=&etat=&region=&inactif=&page=&taille=&export=`. */
export interface VueTransmissionsPage {
  organismes: OrganismeVueTransmission[];
  /** the catalogue, for the ERP filter */
  erps: { id: string; label: string }[];
  total: number;
  page: number;
  taille: number;
}

/** `POST /api/administration/organismes/:id/reinitialiser` and `…/revoquer-cle`. */
export interface ActionSupportResponse {
  connection: ConnectionState;
  message: string;
}
