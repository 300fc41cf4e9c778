/**
 * What the organisme changes by hand in its dossiers: a duplicate resolved, a dossier corrected or deleted. Each
 * makes the organisme's data stale (its lists, counters, card); the hub tells the other open screens.
 */
import { action } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import { donneesKeys } from "./queries";
import type { SuppressionDossier } from "../../worker/domain/correction-dossier";
import type { ResolutionDoublon } from "../../worker/domain/doublons";
import type { EffectifDetailResponse } from "../../worker/domain/effectifs-liste";

const organismePath = (id: string) => `/api/organismes/${encodeURIComponent(id)}`;

/** "Garder celui-ci" (`conserver`: the one kept) or, without it, "Ce n'est pas un doublon". */
export const resoudreDoublon = action(async (organismeId: string, effectifs: [string, string], conserver?: string) => {
  const result = await api<ResolutionDoublon>(`${organismePath(organismeId)}/doublons/resolution`, {
    body: { effectifs, conserver },
  });
  return done(result, donneesKeys(organismeId));
}, "resoudre-doublon");

export const corrigerDossier = action(
  async (organismeId: string, effectifId: string, dossier: Record<string, unknown>) => {
    const result = await api<EffectifDetailResponse>(
      `${organismePath(organismeId)}/effectifs/${encodeURIComponent(effectifId)}`,
      { method: "PUT", body: { dossier } },
    );
    return done(result.effectif, donneesKeys(organismeId));
  },
  "corriger-dossier",
);

export const supprimerDossier = action(async (organismeId: string, effectifId: string, motif: string) => {
  const result = await api<SuppressionDossier>(
    `${organismePath(organismeId)}/effectifs/${encodeURIComponent(effectifId)}/suppression`,
    { body: { motif } },
  );
  return done(result, donneesKeys(organismeId));
}, "supprimer-dossier");
