import type { Env } from "../env";
import { database } from "../data/db";
import { findStaleKeys, revokeKey } from "../data/api-keys";
import { insertAudit } from "../data/audit-log";
import { organismeHub } from "../connection/hub";
import { discardHeldStatements } from "../ingestion/held-rows";

/** A key unused for this long is revoked (SPEC §4.7, as the reference does). */
export const STALE_KEY_MONTHS = 12;
const KEYS_PER_BATCH = 50;

export function staleKeyCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - STALE_KEY_MONTHS);
  return cutoff.toISOString();
}

/**
 * Revokes the unrevoked keys whose last use (or creation, if never used) is older than 12 months, audits each,
 * discards what each key pushed while waiting for confirmation, and tells each organisme's hub so that a procedure
 * waiting on that key ends. Returns the revoked key ids.
 */
export async function revokeStaleApiKeys(env: Env, now: Date = new Date()): Promise<string[]> {
  const db = database(env.DB);
  const at = now.toISOString();
  const stale = await findStaleKeys(db, staleKeyCutoff(now));
  // A few keys per batch: each batch stays short, and each is atomic (a key is never revoked without its audit row).
  for (let i = 0; i < stale.length; i += KEYS_PER_BATCH) {
    const [first, ...others] = stale.slice(i, i + KEYS_PER_BATCH).flatMap((key) => [
      revokeKey(db, key.id, at, "inactive"),
      ...discardHeldStatements(db, { keyId: key.id }),
      insertAudit(db, {
        organismeId: key.organismeId,
        userId: null,
        actor: "Système",
        action: "key_revoked",
        detail: `Clé d'échange ${key.prefix}… révoquée : inutilisée depuis ${STALE_KEY_MONTHS} mois.`,
        at,
      }),
    ]);
    await db.batch([first, ...others]);
  }
  await Promise.all(
    stale.map((key) => organismeHub(env, key.organismeId).keyRevoked({ organismeId: key.organismeId, keyId: key.id })),
  );
  return stale.map((key) => key.id);
}
