/**
 * The reads and changes of Mon organisation and of an invitation's link, as `@solidjs/router` queries and actions
 * (see queries.ts and actions.ts for the conventions).
 */
import { action, query } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import { reloadSession, sessionKey } from "./session";
import type {
  InvitationAcceptee,
  InvitationEnvoyee,
  InvitationOuverte,
  MonOrganisationResponse,
  RoleOrganisation,
} from "../../worker/domain/membres";

export const getMonOrganisation = query(
  () => api<MonOrganisationResponse>("/api/organisation/membres"),
  "organisation",
);
const organisationKey = getMonOrganisation.keyFor();

export const inviterMembre = action(
  async (email: string, role: RoleOrganisation) =>
    done(await api<InvitationEnvoyee>("/api/organisation/invitations", { body: { email, role } }), [organisationKey]),
  "organisation-inviter",
);

export const annulerInvitation = action(
  async (id: string) =>
    done(
      await api<MonOrganisationResponse>(`/api/organisation/invitations/${encodeURIComponent(id)}/revoquer`, {
        method: "POST",
      }),
      [organisationKey],
    ),
  "organisation-annuler-invitation",
);

export const changerRole = action(async (id: string, role: RoleOrganisation) => {
  const result = await api<MonOrganisationResponse>(`/api/organisation/membres/${encodeURIComponent(id)}/role`, {
    body: { role },
  });
  // the caller may have changed their own role: what the app lets them do follows
  await reloadSession();
  return done(result, [organisationKey]);
}, "organisation-role");

export const retirerMembre = action(
  async (id: string) =>
    done(
      await api<MonOrganisationResponse>(`/api/organisation/membres/${encodeURIComponent(id)}/retirer`, {
        method: "POST",
      }),
      [organisationKey],
    ),
  "organisation-retirer",
);

// ── The invitation's link ────────────────────────────────────────────────────────────────────────────────────────

export const getInvitation = query(
  (jeton: string) => api<InvitationOuverte>(`/api/organisation/invitation?jeton=${encodeURIComponent(jeton)}`),
  "invitation",
);

export const creerCompteInvite = action(
  async (body: { jeton: string; civilite: string; prenom: string; nom: string; password: string }) => {
    const result = await api<InvitationAcceptee>("/api/organisation/invitation/compte", { body });
    await reloadSession();
    return done(result, [sessionKey]);
  },
  "invitation-compte",
);

export const accepterInvitation = action(async (jeton: string) => {
  const result = await api<InvitationAcceptee>("/api/organisation/invitation/accepter", { body: { jeton } });
  await reloadSession();
  return done(result, [sessionKey, organisationKey]);
}, "invitation-accepter");
