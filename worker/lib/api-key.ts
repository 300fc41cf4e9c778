import type { Env } from "../env";
import { sha256Hex } from "./crypto";
import { ApiError } from "./errors";
import { enforceRateLimit } from "./rate-limit";

/** The reference's budgets (SPEC §5): requests per key, and failed authentications per IP, per minute. */
export const API_KEY_REQUESTS_PER_MINUTE = 3000;
export const FAILED_AUTH_PER_IP_PER_MINUTE = 300;
/** last_used_at is written at most this often, not on every push. */
const TOUCH_EVERY_MS = 60_000;

const UUID_REGEX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The reference's exact wording (including "etre" without accent), which ERPs may match on.
const keyRefused = (message: string) => new ApiError(403, "Forbidden", message);

/**
 * The key of an ERP call (`Authorization: Bearer <clé>`), or a 403 with the reference's messages. Failed attempts
 * count per IP (429 past the limit); a valid key is limited per key. `heldPending`: whether any key of the
 * organisme has held records, read in the same query so that a push skips the held-records pass when there are none.
 */
export async function authenticateApiKey(
  env: Env,
  authorization: string | undefined,
  ip: string,
): Promise<{ keyId: string; organismeId: string; heldPending: boolean }> {
  const refuse = async (message: string): Promise<never> => {
    await enforceRateLimit(
      env,
      `api-auth-echec:${ip}`,
      FAILED_AUTH_PER_IP_PER_MINUTE,
      "Trop de tentatives d'authentification, veuillez réessayer plus tard.",
    );
    throw keyRefused(message);
  };
  if (!authorization || authorization.trim() === "") return refuse("Clé API manquante");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match) return refuse("La clé API doit etre au format Bearer");
  const key = match[1];
  if (!UUID_REGEX.test(key)) return refuse("La clé API n'est pas valide");

  const row = await env.DB.prepare(
    `SELECT id, organisme_id AS organismeId, last_used_at AS lastUsedAt,
            EXISTS (SELECT 1 FROM dossiers_recus r WHERE r.outcome = 'held'
                       AND r.held_key_id IN (SELECT k.id FROM api_keys k WHERE k.organisme_id = api_keys.organisme_id)) AS heldPending
       FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`,
  )
    .bind(await sha256Hex(key.toLowerCase()))
    .first<{ id: string; organismeId: string; lastUsedAt: string | null; heldPending: number }>();
  if (!row) return refuse("La clé API n'est pas valide");

  await enforceRateLimit(env, `api-key:${row.id}`, API_KEY_REQUESTS_PER_MINUTE);
  const now = Date.now();
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
    await env.DB.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
      .bind(new Date(now).toISOString(), row.id)
      .run();
  }
  return { keyId: row.id, organismeId: row.organismeId, heldPending: row.heldPending === 1 };
}
