import { sha256Hex } from "../lib/crypto";

/** The characters of a key kept in clear (api_keys.prefix) so that users can recognise it. */
export const KEY_PREFIX_LENGTH = 8;

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
  return { id: crypto.randomUUID(), key, keyHash: await sha256Hex(key), prefix: key.slice(0, KEY_PREFIX_LENGTH) };
}

/** The unrevoked key matching a clear key, if any (case-insensitive, as the ERP API reads it). */
export async function findActiveKey(db: D1Database, key: string): Promise<{ id: string; organismeId: string } | null> {
  return db
    .prepare("SELECT id, organisme_id AS organismeId FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
    .bind(await sha256Hex(key.trim().toLowerCase()))
    .first<{ id: string; organismeId: string }>();
}
