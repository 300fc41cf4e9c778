/**
 * Dossiers pushed before the connection was confirmed wait in dossiers_recus (outcome "held"), each tied to the key
 * that pushed it: applied exactly like a push once THAT key is confirmed, discarded when the key is replaced,
 * refused or revoked (SPEC §4.6).
 */
import { and, asc, eq } from "drizzle-orm";
import { dossiersRecus } from "../../db/schema";
import type { Env } from "../env";
import type { DossierNormalise } from "../domain/dossier";
import { database } from "../data/db";
import { isHeld } from "../data/dossiers-recus";
import { organismeHub } from "../connection/hub";
import { discardedCount, discardHeldStatements, type HeldOwner } from "./held-rows";
import { ingestValidated } from "./push";

/**
 * Applies the held records of the confirmed key `keyId` (and discards those of the organisme's other keys).
 * Idempotent: applied records are no longer held, and applying the same data twice changes nothing.
 */
export async function applyHeldDossiers(env: Env, organismeId: string, keyId: string): Promise<{ applied: number }> {
  const db = database(env.DB);
  const [, , held] = await db.batch([
    ...discardHeldStatements(db, { organismeId, exceptKeyId: keyId }),
    db
      .select({ data: dossiersRecus.heldData })
      .from(dossiersRecus)
      .where(and(isHeld, eq(dossiersRecus.heldKeyId, keyId)))
      .orderBy(asc(dossiersRecus.receivedAt)),
  ]);
  const dossiers = held.flatMap((r) => (r.data ? [JSON.parse(r.data) as DossierNormalise] : []));
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
  const db = database(env.DB);
  const discarded = discardedCount(await db.batch(discardHeldStatements(db, owner)));
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
