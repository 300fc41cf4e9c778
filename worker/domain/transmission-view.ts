/** What `GET /api/organismes/:id/transmission` answers (read by the Paramètres page). */
import type { ConnectionState } from "./connection-state";

export type ModeTransmission = "api" | "manuel";

export interface ErpOption {
  id: string;
  label: string;
  /** false: the ERP cannot use a clé d'échange yet, its users upload Excel files */
  apiKeySupport: boolean;
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
  };
  settings: {
    erp: string | null;
    /** the catalogue label, the free name of an "autre" ERP, or null */
    erpLabel: string | null;
    modeTransmission: ModeTransmission | null;
    configuredAt: string | null;
    configuredBy: string | null;
  };
  erps: ErpOption[];
  connection: ConnectionState;
  /** false for users who may only look (e.g. those of the organisme responsable) */
  canConfigure: boolean;
}

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: string | null;
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
};
