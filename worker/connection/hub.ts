import type { Env } from "../env";

/** The OrganismeHub Durable Object of an organisme (one per organisme, named by its id). */
export const organismeHub = (env: Pick<Env, "ORGANISME_HUB">, organismeId: string) =>
  env.ORGANISME_HUB.get(env.ORGANISME_HUB.idFromName(organismeId));

/** "Prénom Nom", as the configured state and the audit log show a person. */
export const displayName = (user: { prenom: string; nom: string }) => `${user.prenom} ${user.nom}`.trim();
