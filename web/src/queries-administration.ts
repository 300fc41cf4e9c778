/**
 * The reads and changes of Mon compte and of the administration, as `@solidjs/router` queries and actions (see
 * queries.ts and actions.ts for the conventions).
 */
import { action, query } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import { getComptesEnAttente, searchString } from "./queries";
import { reloadSession, sessionKey } from "./session";
import type {
  ActionSupportResponse,
  OrganismeSupport,
  OrganismesAdminResponse,
  UtilisateurAdmin,
  UtilisateursPage,
  VueTransmissionsPage,
} from "../../worker/domain/administration";
import type { MonCompteResponse, MotDePasseModifie } from "../../worker/domain/mon-compte";

// ── Mon compte ────────────────────────────────────────────────────────────────────────────────────────────────────

export const getMonCompte = query(() => api<MonCompteResponse>("/api/compte"), "compte");
const compteKey = getMonCompte.keyFor();

export const modifierIdentite = action(
  async (identite: { civilite: string; prenom: string; nom: string; email: string }) => {
    const result = await api<MonCompteResponse>("/api/compte/identite", { body: identite });
    // the header shows the name
    await reloadSession();
    return done(result, [compteKey]);
  },
  "compte-identite",
);

export const modifierMotDePasse = action(
  async (motDePasseActuel: string, nouveauMotDePasse: string) =>
    done(await api<MotDePasseModifie>("/api/compte/mot-de-passe", { body: { motDePasseActuel, nouveauMotDePasse } }), [
      compteKey,
    ]),
  "compte-mot-de-passe",
);

/** Ends every session; the app then knows nobody (its page under RequireUser goes to the login). */
export const deconnexionPartout = action(async () => {
  await api("/api/compte/deconnexion-partout", { method: "POST" });
  query.set(sessionKey, null);
  return done(true, [sessionKey]);
}, "compte-deconnexion-partout");

// ── Administration: users ─────────────────────────────────────────────────────────────────────────────────────────

export const getUtilisateurs = query(
  (params: { q?: string; statut?: string; page?: number }) =>
    api<UtilisateursPage>(`/api/administration/utilisateurs?${searchString({ ...params, taille: 50 })}`),
  "admin.utilisateurs",
);
const utilisateursKey = getUtilisateurs.key;

/** Validates or refuses a pending account (`/api/comptes`), deactivates or reactivates an account. */
export const changerStatut = action(
  async (utilisateur: UtilisateurAdmin, choix: "valider" | "refuser" | "desactiver" | "reactiver") => {
    if (choix === "valider" || choix === "refuser")
      await api(`/api/comptes/${utilisateur.id}/${choix}`, { method: "POST" });
    else await api(`/api/administration/utilisateurs/${utilisateur.id}/${choix}`, { method: "POST" });
    return done({ utilisateur, choix }, [utilisateursKey, getComptesEnAttente.key]);
  },
  "admin-statut",
);

// ── Administration: organismes ────────────────────────────────────────────────────────────────────────────────────

export const getOrganismesAdmin = query(
  (q: string) => api<OrganismesAdminResponse>(`/api/administration/organismes?${searchString({ q })}`),
  "admin.organismes",
);

export const getOrganismeSupport = query(
  (id: string) => api<OrganismeSupport>(`/api/administration/organismes/${id}`),
  "admin.organisme",
);

export const actionSupport = action(
  async (id: string, choix: "reinitialiser" | "revoquer-cle") =>
    done(await api<ActionSupportResponse>(`/api/administration/organismes/${id}/${choix}`, { method: "POST" }), [
      getOrganismeSupport.keyFor(id),
    ]),
  "admin-support",
);

// ── Administration: the transmission overview ─────────────────────────────────────────────────────────────────────

export type FiltresVue = { erp?: string; etat?: string; mode?: string; region?: string; inactif?: string };

export const getVueTransmissions = query(
  (filtres: FiltresVue, page: number) =>
    api<VueTransmissionsPage>(`/api/administration/transmissions?${searchString({ ...filtres, page, taille: 50 })}`),
  "admin.transmissions",
);

/** Every filtered organisme, for the export. */
export const vueTransmissionsExport = (filtres: FiltresVue) =>
  api<VueTransmissionsPage>(`/api/administration/transmissions?${searchString({ ...filtres, export: "1" })}`);
