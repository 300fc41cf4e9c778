/**
 * What a push of dossiers answers, per dossier and in total: `POST /api/v3/dossiers-apprenants` (the ERP API) and
 * `POST /api/organismes/:id/fichier/import` (an Excel/CSV file), and the file's dry run; shared with the web app.
 */
import type { ValidationError } from "./dossier";
import type { TransmissionSummary } from "./live-messages";
import type { Statut } from "./parcours";

export type Outcome = "created" | "updated" | "unchanged" | "held" | "invalid";

export interface ItemResult {
  validation_errors: ValidationError[];
  outcome: Outcome;
  /** the statut today, for valid dossiers */
  statut: Statut | null;
  effectif_id: string | null;
}

/** A push: its summary and one result per dossier sent, in the order sent. */
export interface PushResult {
  summary: TransmissionSummary;
  items: ItemResult[];
}

/** `POST /api/organismes/:id/fichier/verification`: the dry run of a file, nothing written. */
export interface VerificationFichier {
  total: number;
  valides: number;
  /** aligned with the rows sent */
  items: { validation_errors: ValidationError[] }[];
}
