/**
 * Exchange keys (clés d'échange), in one place: how a key is made, how an ERP call is authenticated with it, and
 * how the browser link finds it. The queries are in worker/data/api-keys.ts; the hub revokes and replaces keys in
 * its own batches with them.
 */
import type { Env } from "../env";
import { database, type Database } from "../data/db";
import { findActiveKeyByHash, findKeyForAuthentication, touchKey } from "../data/api-keys";
import { sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { enforceRateLimit } from "../lib/rate-limit";

/** The characters of a key kept in clear (api_keys.prefix) so that users can recognise it. */
export const KEY_PREFIX_LENGTH = 8;

/** The reference's budgets (SPEC §5): requests per key, and failed authentications per IP, per minute. */
export const API_KEY_REQUESTS_PER_MINUTE = 3000;
export const FAILED_AUTH_PER_IP_PER_MINUTE = 300;
/** last_used_at is written at most this often, not on every push. */
const TOUCH_EVERY_MS = 60_000;

const UUID_REGEX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewExchangeKey {
  id: string;
  /** shown once to the user, never stored */
  key: string;
  keyHash: string;
  prefix: string;
}

/** A clé d'échange is a UUID v4, the shape ERPs expect; only its SHA-256 is stored. */
export async function newExchangeKey(): Promise<NewExchangeKey> {
  const key = crypto.randomUUID();
  return { id: crypto.randomUUID(), key, keyHash: await keyHashOf(key), prefix: key.slice(0, KEY_PREFIX_LENGTH) };
}

/** The stored hash of a clear key: keys are read case-insensitively (ERPs may upper-case them). */
const keyHashOf = (key: string) => sha256Hex(key.trim().toLowerCase());

/** The unrevoked key matching a clear key, if any (case-insensitive, as the ERP API reads it). */
export async function findActiveKey(db: Database, key: string): Promise<{ id: string; organismeId: string } | null> {
  return (await findActiveKeyByHash(db, await keyHashOf(key))) ?? null;
}

// The reference's exact wording (including "etre" without accent), which ERPs may match on.
const keyRefused = (message: string) => new ApiError(403, "Forbidden", message);

/**
 * The key of an ERP call (`Authorization: Bearer <clé>`), or a 403 with the reference's messages. Failed attempts
 * count per IP (429 past the limit); a valid key is limited per key. `heldPending`: whether any key of the
 * organisme has held records, read in the same query (one D1 round trip) so that a push skips the held-records
 * pass when there are none.
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

  const db = database(env.DB);
  const row = await findKeyForAuthentication(db, await keyHashOf(key));
  if (!row) return refuse("La clé API n'est pas valide");

  await enforceRateLimit(env, `api-key:${row.id}`, API_KEY_REQUESTS_PER_MINUTE);
  const now = Date.now();
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) {
    await touchKey(db, row.id, new Date(now).toISOString());
  }
  return { keyId: row.id, organismeId: row.organismeId, heldPending: row.heldPending };
}
