/**
 * Every change the app asks of the API, as `@solidjs/router` actions: components run them with `useForm` (or
 * `useAction`) and read their pending state, result and error with `useSubmission`. Each one names the queries it
 * makes stale (`done(result, keys)`); without that, the router would revalidate every query on the page. Results
 * are never null: a submission whose result is null is dropped by the router, and with it its outcome.
 */
import { action, json, query, revalidate } from "@solidjs/router";
import { api } from "./api";
import { downloadFile, type DownloadFile, type DownloadFormat } from "./download";
import { getComptesEnAttente, getTransmissionView, parametrageKeys } from "./queries";
import { reloadSession, sessionKey } from "./session";
import type { MessageResponse, SessionResponse } from "../../worker/domain/comptes";
import type { OrganismesTrouvesResponse } from "../../worker/domain/referentiel";
import type { ErpChoice, EtapeResponse } from "../../worker/domain/transmission-view";

export const done = <T>(result: T, stale: readonly string[] = []) => json(result, { revalidate: [...stale] });

// ── Accounts ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Logs in; resolves once the app knows the user. */
export const connexion = action(async (email: string, password: string) => {
  const { user } = await api<SessionResponse>("/api/auth/connexion", { body: { email, password } });
  // null only when the account vanished between the login and the answer: no session to go on with.
  if (!user) throw new Error("Une erreur est survenue. Veuillez réessayer.");
  await reloadSession();
  return done(user);
}, "connexion");

export const inscription = action(async (body: Record<string, unknown>) => {
  await api("/api/auth/inscription", { body });
  await reloadSession();
  return done(true);
}, "inscription");

export const deconnexion = action(async () => {
  await api("/api/auth/deconnexion", { method: "POST" }).catch(() => undefined);
  query.set(sessionKey, null);
  await revalidate(sessionKey, false);
  return done(true);
}, "deconnexion");

/** "Vérifier si mon compte est validé". */
export const verifierCompte = action(async () => {
  await reloadSession();
  return done(true);
}, "verifier-compte");

export const motDePasseOublie = action(
  async (email: string) =>
    done((await api<MessageResponse>("/api/auth/mot-de-passe-oublie", { body: { email } })).message),
  "mot-de-passe-oublie",
);

export const reinitialiserMotDePasse = action(
  async (token: string, password: string) =>
    done((await api<MessageResponse>("/api/auth/reinitialiser-mot-de-passe", { body: { token, password } })).message),
  "reinitialiser-mot-de-passe",
);

/** The sign-up's search of one's organisme in the référentiel (a read, submitted as a form). */
export const rechercherOrganismes = action(
  async (mode: "uai" | "siret", valeur: string) =>
    done(
      (await api<OrganismesTrouvesResponse>(`/api/referentiel/organismes?${mode}=${encodeURIComponent(valeur)}`))
        .organismes,
    ),
  "rechercher-organismes",
);

/** Validation or refusal of an account waiting for it. */
export const deciderCompte = action(
  async (compte: { id: string; prenom: string; nom: string }, decision: "valider" | "refuser") => {
    await api(`/api/comptes/${encodeURIComponent(compte.id)}/${decision}`, { method: "POST" });
    return done({ compte, decision }, [getComptesEnAttente.keyFor()]);
  },
  "decider-compte",
);

// ── An organisme's transmission settings ──────────────────────────────────────────────────────────────────────────

export type EtapeParametrage =
  { etape: "erp"; choix: ErpChoice } | { etape: "cle" } | { etape: "confirmer" | "refuser" | "reinitialiser" };

/**
 * One step of the connection procedure: the answer is the new view ("erp"), the new key ("cle") or state. It is
 * pending until the page shows the new step, so that the old step's buttons are never live again.
 */
export const parametrer = action(async (organismeId: string, step: EtapeParametrage) => {
  const result = await api<EtapeResponse>(`/api/organismes/${organismeId}/transmission/${step.etape}`, {
    body: step.etape === "erp" ? step.choix : {},
  });
  await revalidate(parametrageKeys(organismeId));
  await getTransmissionView(organismeId);
  return done(result);
}, "parametrer");

// ── Downloads ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Builds a file (`build` may ask the API for it) and hands it to the user; `id` tells the buttons apart. */
export const telecharger = action(
  async (id: string, format: DownloadFormat, build: (format: DownloadFormat) => Promise<DownloadFile>) => {
    void id;
    return done(await downloadFile(await build(format)));
  },
  "telecharger",
);
