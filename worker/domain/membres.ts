/** What the routes of "Mon organisation" answer (`/api/organisation/*`); shared with the web app. */

export const ROLES = ["administrateur", "membre"] as const;
export type RoleOrganisation = (typeof ROLES)[number];

export const ROLE_LIBELLES: Record<RoleOrganisation, string> = {
  administrateur: "Administrateur",
  membre: "Membre",
};

/** An invitation link is valid this long, and once. */
export const INVITATION_JOURS = 7;

/** A user of the organisation (removed members are not listed). */
export interface MembreOrganisation {
  id: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  email: string;
  role: RoleOrganisation;
  status: "pending" | "active";
  validatedAt: string | null;
  createdAt: string;
  /** the caller */
  moi: boolean;
}

/** An invitation neither used, revoked nor expired. */
export interface InvitationEnAttente {
  id: string;
  email: string;
  role: RoleOrganisation;
  createdAt: string;
  expiresAt: string;
  /** who invited, as the audit log names them */
  invitePar: string;
}

/** `GET /api/organisation/membres`: Mon organisation. */
export interface MonOrganisationResponse {
  organisation: { id: string; label: string; type: string };
  /** the caller's role; only an administrateur invites, changes roles and removes members */
  role: RoleOrganisation;
  peutGerer: boolean;
  membres: MembreOrganisation[];
  /** empty for a membre */
  invitations: InvitationEnAttente[];
}

/** `POST /api/organisation/invitations`. */
export interface InvitationEnvoyee {
  invitation: InvitationEnAttente;
  message: string;
}

/** `GET /api/organisation/invitation?jeton=…`: what the invited person is shown (no session needed). */
export interface InvitationOuverte {
  organisationLabel: string;
  email: string;
  role: RoleOrganisation;
  expiresAt: string;
  /** an account with this e-mail exists: the person logs in and accepts, no new account */
  compteExistant: boolean;
}

/** `POST /api/organisation/invitation/compte` and `…/accepter`. */
export interface InvitationAcceptee {
  message: string;
}
