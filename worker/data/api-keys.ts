/**
 * The exchange keys (api_keys): only the SHA-256 of a key is stored. The builders without `await` here are meant for
 * a `db.batch([...])`, next to the change they belong to (audit row, held records discarded).
 */
import { and, desc, eq, exists, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { apiKeys, dossiersRecus } from "../../db/schema";
import type { Database } from "./db";
import { isHeld } from "./dossiers-recus";

export type ApiKey = typeof apiKeys.$inferSelect;

/** Why a key was revoked (api_keys.revoked_reason). */
export type RevokedReason = "replaced" | "refused" | "reset" | "inactive" | "admin";

const active = isNull(apiKeys.revokedAt);

/**
 * The ERP's hot path, in ONE query: the unrevoked key of this hash, and whether any key of its organisme has held
 * records (so that a push skips the held-records pass when there are none).
 */
export function findKeyForAuthentication(db: Database, keyHash: string) {
  const sameOrganisme = alias(apiKeys, "k");
  const held = db
    .select({ one: sql`1` })
    .from(dossiersRecus)
    .where(
      and(
        isHeld,
        inArray(
          dossiersRecus.heldKeyId,
          db
            .select({ id: sameOrganisme.id })
            .from(sameOrganisme)
            .where(eq(sameOrganisme.organismeId, apiKeys.organismeId)),
        ),
      ),
    );
  return db
    .select({
      id: apiKeys.id,
      organismeId: apiKeys.organismeId,
      lastUsedAt: apiKeys.lastUsedAt,
      heldPending: sql<boolean>`${exists(held)}`.mapWith((v) => v === 1),
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), active))
    .get();
}

export const findActiveKeyByHash = (db: Database, keyHash: string) =>
  db
    .select({ id: apiKeys.id, organismeId: apiKeys.organismeId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), active))
    .get();

export const touchKey = (db: Database, id: string, at: string) =>
  db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));

export const organismeOfKey = async (db: Database, keyId: string): Promise<string | null> =>
  (await db.select({ organismeId: apiKeys.organismeId }).from(apiKeys).where(eq(apiKeys.id, keyId)).get())
    ?.organismeId ?? null;

/** The organisme's newest unrevoked key, if any. */
export const findCurrentKey = (db: Database, organismeId: string) =>
  db
    .select({ id: apiKeys.id, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.organismeId, organismeId), active))
    .orderBy(desc(apiKeys.createdAt))
    .limit(1)
    .get();

export const countActiveKeys = async (db: Database, organismeId: string): Promise<number> =>
  db.$count(apiKeys, and(eq(apiKeys.organismeId, organismeId), active));

export const insertKey = (db: Database, key: Omit<ApiKey, "lastUsedAt" | "revokedAt" | "revokedReason">) =>
  db.insert(apiKeys).values(key);

/** Revokes every unrevoked key of an organisme. */
export const revokeKeysOf = (db: Database, organismeId: string, at: string, reason: RevokedReason) =>
  db
    .update(apiKeys)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(apiKeys.organismeId, organismeId), active));

/** Revokes one key, unless it already is. */
export const revokeKey = (db: Database, id: string, at: string, reason: RevokedReason) =>
  db
    .update(apiKeys)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(apiKeys.id, id), active));

/** The unrevoked keys whose last use (or creation, if never used) is before `cutoff`. */
export const findStaleKeys = (db: Database, cutoff: string) =>
  db
    .select({ id: apiKeys.id, organismeId: apiKeys.organismeId, prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(and(active, lt(sql`COALESCE(${apiKeys.lastUsedAt}, ${apiKeys.createdAt})`, cutoff)));
