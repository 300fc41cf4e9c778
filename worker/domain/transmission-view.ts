/** What the transmission settings routes answer (`/api/organismes/:id/transmission…`, `…/audit`: the Paramètres page). */
import type { ConnectionState } from "./connection-state";

export type ModeTransmission = "api" | "manuel";

export interface ErpOption {
  id: string;
  label: string;
  /** false: the ERP cannot use a clé d'échange yet, its users upload Excel files */
  apiKeySupport: boolean;
  /** false: no longer offered (an organisme that chose it keeps working, with a notice) */
  actif: boolean;
}

/** The ERP choice sent by the page: a catalogue id, "autre" (free name) or "aucun" (no ERP: Excel). */
export interface ErpChoice {
  erp: string;
  erpAutre?: string;
}

export const ERP_AUTRE = "autre";
export const ERP_AUCUN = "aucun";

export interface TransmissionView {
  organisme: {
    id: string;
    raisonSociale: string;
    enseigne: string | null;
    uai: string | null;
    siret: string;
    lastTransmissionAt: string | null;
    /** records pushed before "Je confirme", waiting for the user's decision */
    dossiersEnAttente: number;
  };
  settings: {
    erp: string | null;
    /** the catalogue label, the free name of an "autre" ERP, or null */
    erpLabel: string | null;
    /** the chosen ERP was deactivated in the catalogue: transmissions go on, the page says so */
    erpDesactive: boolean;
    modeTransmission: ModeTransmission | null;
    configuredAt: string | null;
    configuredBy: string | null;
  };
  /** the ERPs offered: the active ones */
  erps: ErpOption[];
  /** the raison sociale of the couple the ERP declared when it is not the organisme's own (null: unknown) */
  organismeDeclare: string | null;
  connection: ConnectionState;
  /** false for users who may only look (e.g. those of the organisme responsable) */
  canConfigure: boolean;
  /** a membre of the organisme's organisation: reads its settings, only its administrateurs change them */
  membre: boolean;
}

/** `POST /api/organismes/:id/transmission/cle`: the new clé d'échange, shown once. */
export interface CleGeneree {
  key: string;
  connection: ConnectionState;
}

/** `POST /api/organismes/:id/transmission/confirmer`: the new state and how many held dossiers were applied. */
export interface ConfirmationResponse {
  connection: ConnectionState;
  applied: number;
}

/** `POST /api/organismes/:id/transmission/refuser` and `…/reinitialiser`: the new state, held dossiers discarded. */
export interface AbandonResponse {
  connection: ConnectionState;
  discarded: number;
}

/** What a step of the connection procedure answers: the new view (`erp`) or the new state. */
export type EtapeResponse = TransmissionView | CleGeneree | ConfirmationResponse | AbandonResponse;

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: string | null;
}

/** `GET /api/organismes/:id/audit`: the procedure's history, newest first (200 at most). */
export interface AuditResponse {
  entries: AuditView[];
}

/** French labels of the audit actions written by the procedure. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  erp_chosen: "Choix du moyen de transmission",
  key_generated: "Clé d'échange générée",
  first_use: "Première utilisation de la clé",
  confirmed: "Établissement confirmé",
  refused: "Établissement non confirmé",
  reset: "Configuration réinitialisée",
  key_revoked: "Clé d'échange révoquée",
  // Mon organisation (worker/api/organisation-membres.ts)
  invitation_envoyee: "Invitation envoyée",
  invitation_annulee: "Invitation annulée",
  invitation_acceptee: "Invitation acceptée",
  membre_role_modifie: "Rôle modifié",
  membre_retire: "Membre retiré",
};
