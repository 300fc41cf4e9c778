/**
 * Dossiers pushed before the connection was confirmed wait in dossiers_recus (outcome "held"), each tied to the key
 * that pushed it: applied exactly like a push once THAT key is confirmed, discarded when the key is replaced,
 * refused or revoked (SPEC §4.6).
 */
import type { Env } from "../env";
import type { DossierNormalise } from "../domain/dossier";
import { organismeHub } from "../connection/hub";
import { discardedCount, discardHeldStatements, type HeldOwner } from "./held-rows";
import { ingestValidated } from "./push";

/**
 * Applies the held records of the confirmed key `keyId` (and discards those of the organisme's other keys).
 * Idempotent: applied records are no longer held, and applying the same data twice changes nothing.
 */
export async function applyHeldDossiers(env: Env, organismeId: string, keyId: string): Promise<{ applied: number }> {
  const [, , { results }] = await env.DB.batch<{ data: string | null }>([
    ...discardHeldStatements(env.DB, { organismeId, exceptKeyId: keyId }),
    env.DB.prepare(
      "SELECT held_data AS data FROM dossiers_recus WHERE outcome = 'held' AND held_key_id = ? ORDER BY received_at",
    ).bind(keyId),
  ]);
  const dossiers = results.filter((r) => r.data).map((r) => JSON.parse(r.data!) as DossierNormalise);
  if (dossiers.length === 0) return { applied: 0 };
  const { summary } = await ingestValidated(
    env,
    dossiers.map((value) => ({ input: value, validation: { ok: true, value } })),
    { organismeId, apiKeyId: keyId, source: "erp", hold: false },
  );
  return { applied: summary.created + summary.updated + summary.unchanged };
}

/** Discards held records: every key's of an organisme (refusal, reset), or one key's (stale, replaced). */
export async function discardHeldDossiers(
  env: Env,
  organismeId: string,
  owner: HeldOwner = { organismeId },
): Promise<{ discarded: number }> {
  const discarded = discardedCount(await env.DB.batch(discardHeldStatements(env.DB, owner)));
  if (discarded > 0) await organismeHub(env, organismeId).notifyEffectifsChanged();
  return { discarded };
}

/**
 * After a push with `keyId`: the connection may have been decided while the push ran. Confirmed with this key →
 * its held records are applied (also those of an earlier apply that failed); the key no longer current → they are
 * discarded. Still waiting → they stay held.
 */
export async function settleHeldDossiers(env: Env, organismeId: string, keyId: string): Promise<void> {
  const connection = await organismeHub(env, organismeId).getConnection(organismeId);
  if (connection.key?.id !== keyId) await discardHeldDossiers(env, organismeId, { keyId });
  else if (connection.status === "confirmed") await applyHeldDossiers(env, organismeId, keyId);
}
