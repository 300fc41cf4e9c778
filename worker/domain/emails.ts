/** What `GET /api/administration/emails` answers: the outbox as administrators follow it (no bodies). */
export const STATUTS_EMAIL = ["pending", "sent", "failed"] as const;
export type StatutEmail = (typeof STATUTS_EMAIL)[number];

export const STATUT_EMAIL_LABELS: Record<StatutEmail, string> = {
  pending: "En attente d'envoi",
  sent: "Envoyé",
  failed: "Échec",
};

export interface EmailSuivi {
  id: number;
  to: string;
  subject: string;
  createdAt: string;
  status: StatutEmail;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
}

export interface EmailsAdministration {
  /** false: no provider configured (BREVO_API_KEY), nothing leaves the outbox */
  fournisseurConfigure: boolean;
  compteurs: Record<StatutEmail, number>;
  emails: EmailSuivi[];
}
