/**
 * Dossiers pushed before the connection was confirmed wait in dossiers_recus (outcome "held"): applied exactly
 * like a push on "Je confirme", discarded on "Je ne confirme pas" (SPEC §4.6).
 */
import type { Env } from "../env";
import type { DossierNormalise } from "../domain/dossier";
import { organismeHub } from "../connection/hub";
import { ingestValidated } from "./push";

/** Held rows of the pushes sent by this organisme (they are stored under their organisme formateur). */
const HELD_OF_SENDER = `FROM dossiers_recus WHERE outcome = 'held'
   AND transmission_id IN (SELECT id FROM transmissions WHERE organisme_id = ?)`;

export async function applyHeldDossiers(env: Env, organismeId: string): Promise<{ applied: number }> {
  const { results } = await env.DB.prepare(`SELECT held_data AS data ${HELD_OF_SENDER} ORDER BY received_at`)
    .bind(organismeId)
    .all<{ data: string | null }>();
  const dossiers = results.filter((r) => r.data).map((r) => JSON.parse(r.data!) as DossierNormalise);
  if (dossiers.length === 0) return { applied: 0 };
  const { summary } = await ingestValidated(
    env,
    dossiers.map((value) => ({ input: value, validation: { ok: true, value } })),
    { organismeId, apiKeyId: null, source: "erp", hold: false },
  );
  return { applied: summary.created + summary.updated + summary.unchanged };
}

export async function discardHeldDossiers(env: Env, organismeId: string): Promise<{ discarded: number }> {
  const result = await env.DB.prepare(`DELETE ${HELD_OF_SENDER}`).bind(organismeId).run();
  const discarded = result.meta.changes ?? 0;
  if (discarded > 0) await organismeHub(env, organismeId).notifyEffectifsChanged();
  return { discarded };
}
