import type { ValidationError } from "../../../../worker/domain/dossier";
import type { TransmissionSummary } from "../../../../worker/domain/live-messages";

/** POST /api/organismes/:id/fichier/verification */
export interface Verification {
  total: number;
  valides: number;
  /** aligned with the rows sent */
  items: { validation_errors: ValidationError[] }[];
}

/** POST /api/organismes/:id/fichier/import */
export interface ResultatImport {
  summary: TransmissionSummary;
  items: { validation_errors: ValidationError[]; outcome: string }[];
}

/** One error of the dry run, where it is in the file. */
export interface ErreurLigne {
  ligne: number;
  colonne: string;
  message: string;
}
