/**
 * Who may change a dossier by hand (correct it, delete it, remove it as a duplicate): the dossiers the organisme
 * sent by file, and all of them when it transmits by hand (no ERP). An ERP-fed dossier is the ERP's: changed here,
 * it would be sent again unchanged at the next transmission. Pure, shared by the API and the web app.
 */
import type { ModeTransmission } from "./transmission-view";

export const ERP_SOURCE_DU_DOSSIER =
  "Ce dossier est transmis par votre ERP : corrigez-le dans votre ERP, il sera mis à jour à sa prochaine transmission.";

export const DOUBLON_ALIMENTE_PAR_ERP =
  "Ce dossier est transmis par votre ERP : il vous l'enverrait à nouveau à sa prochaine transmission. Supprimez-le ou corrigez-le dans votre ERP, ou gardez plutôt celui-ci en supprimant l'autre.";

/** The effectif's `source` ("erp" | "fichier") and its organisme's mode of transmission. */
export const dossierModifiable = (source: string, mode: ModeTransmission | null | undefined) =>
  source !== "erp" || mode === "manuel";

/** A reason of deletion: what the audit log keeps. */
export const MOTIF_MAX = 500;

/** `POST /api/organismes/:id/effectifs/:effectifId/suppression` (body `{motif}`). */
export interface SuppressionDossier {
  supprime: string;
}

/** A correction refused: every error of the dossier, by field (400). */
export interface CorrectionRefusee {
  error: string;
  message: string;
  erreurs?: { path: string; message: string }[];
}
