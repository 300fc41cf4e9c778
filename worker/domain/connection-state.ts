/**
 * The ERP connection procedure of one organisme (SPEC §4), as a pure state machine:
 * none → key_generated → installed (first use by the ERP) → confirmed | refused; reset; key revoked.
 * The OrganismeHub Durable Object persists the state and applies the transitions one at a time.
 */

export type ConnectionStatus = "none" | "key_generated" | "installed" | "confirmed" | "refused";

/** How the ERP first used the key: its `/test` call, its first push, or the browser link `/connexion-api`. */
export type FirstUseVia = "test" | "push" | "link";

export interface ConnectionKey {
  id: string;
  /** the first characters of the key, to recognise it without storing it */
  prefix: string;
  generatedAt: string;
  generatedBy: string;
}

/** What the ERP declared when it first used the key. */
export interface ConnectionInstallation {
  via: FirstUseVia;
  uai: string | null;
  siret: string | null;
  erp: string | null;
  at: string;
}

export interface ConnectionDecision {
  /** "Prénom Nom" of the user who decided */
  by: string;
  userId: string | null;
  at: string;
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** the current (unrevoked) key, if any */
  key: ConnectionKey | null;
  installation: ConnectionInstallation | null;
  confirmation: ConnectionDecision | null;
  refusal: ConnectionDecision | null;
  updatedAt: string | null;
}

export type ConnectionEvent =
  | { type: "key_generated"; keyId: string; prefix: string; by: string; at: string }
  | {
      type: "first_use";
      keyId: string;
      via: FirstUseVia;
      uai: string | null;
      siret: string | null;
      erp: string | null;
      at: string;
    }
  | { type: "confirm"; by: string; userId: string | null; at: string }
  | { type: "refuse"; by: string; userId: string | null; at: string }
  | { type: "reset"; at: string }
  | { type: "key_revoked"; keyId: string; at: string };

export type TransitionResult = { ok: true; changed: boolean; state: ConnectionState } | { ok: false; message: string };

export const initialConnectionState = (): ConnectionState => ({
  status: "none",
  key: null,
  installation: null,
  confirmation: null,
  refusal: null,
  updatedAt: null,
});

const unchanged = (state: ConnectionState): TransitionResult => ({ ok: true, changed: false, state });
const changed = (state: ConnectionState): TransitionResult => ({ ok: true, changed: true, state });
const rejected = (message: string): TransitionResult => ({ ok: false, message });

export function transition(state: ConnectionState, event: ConnectionEvent): TransitionResult {
  switch (event.type) {
    case "key_generated":
      if (state.status === "confirmed") {
        return rejected(
          "Votre moyen de transmission est déjà paramétré : réinitialisez votre configuration pour générer une nouvelle clé d'échange.",
        );
      }
      // A new key replaces the previous one at once, whatever the ERP had done with it.
      return changed({
        ...initialConnectionState(),
        status: "key_generated",
        key: { id: event.keyId, prefix: event.prefix, generatedAt: event.at, generatedBy: event.by },
        updatedAt: event.at,
      });

    case "first_use":
      if (!state.key) return rejected("Aucune clé d'échange n'est en attente d'installation.");
      if (state.key.id !== event.keyId)
        return rejected("Cette clé d'échange a été remplacée par une clé plus récente.");
      // Later calls with the same key (every push) change nothing: the first declaration is the one confirmed.
      if (state.status !== "key_generated") return unchanged(state);
      return changed({
        ...state,
        status: "installed",
        installation: { via: event.via, uai: event.uai, siret: event.siret, erp: event.erp, at: event.at },
        updatedAt: event.at,
      });

    case "confirm":
      if (state.status === "confirmed") return rejected("Votre établissement est déjà confirmé.");
      if (state.status !== "installed") {
        return rejected("Votre ERP n'a pas encore utilisé la clé d'échange : il n'y a rien à confirmer.");
      }
      return changed({
        ...state,
        status: "confirmed",
        confirmation: { by: event.by, userId: event.userId, at: event.at },
        updatedAt: event.at,
      });

    case "refuse":
      if (state.status !== "installed") {
        return rejected("Votre ERP n'a pas encore utilisé la clé d'échange : il n'y a rien à refuser.");
      }
      // Refusing revokes the key: the procedure starts again from a new key.
      return changed({
        ...state,
        status: "refused",
        key: null,
        confirmation: null,
        refusal: { by: event.by, userId: event.userId, at: event.at },
        updatedAt: event.at,
      });

    case "reset":
      if (state.status === "none" && !state.key) return unchanged(state);
      return changed({ ...initialConnectionState(), updatedAt: event.at });

    case "key_revoked":
      // Revoking a key that is no longer the current one changes nothing (it was already replaced).
      if (!state.key || state.key.id !== event.keyId) return unchanged(state);
      return changed({ ...initialConnectionState(), updatedAt: event.at });
  }
}

/**
 * The state as a reader outside the organisme sees it (a réseau, an opérateur public: SPEC §8 gives them indicators,
 * not people): the same steps and dates, without who generated, confirmed or refused, nor the key's prefix.
 */
export function connectionPourLecture(state: ConnectionState): ConnectionState {
  const anonyme = (decision: ConnectionDecision | null) => decision && { ...decision, by: "", userId: null };
  return {
    ...state,
    key: state.key && { ...state.key, prefix: "", generatedBy: "" },
    confirmation: anonyme(state.confirmation),
    refusal: anonyme(state.refusal),
  };
}
