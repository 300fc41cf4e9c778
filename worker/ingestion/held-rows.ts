/**
 * The statements that discard held records, kept apart from held.ts so that the OrganismeHub can put them in the
 * same atomic batch as the key change that makes them obsolete.
 */
import { and, eq, exists, inArray, ne, sql, type SQL } from "drizzle-orm";
import { apiKeys, dossiersRecus, effectifs } from "../../db/schema";
import type { Database } from "../data/db";
import { isHeld } from "../data/dossiers-recus";

/** Whose held records: one key's, or every key of an organisme but (optionally) the one kept. */
export type HeldOwner = { keyId: string } | { organismeId: string; exceptKeyId?: string | null };

/** The condition on dossiers_recus; `outcome = 'held'` lets the partial index serve it. */
function heldOf(db: Database, owner: HeldOwner): SQL {
  if ("keyId" in owner) return and(isHeld, eq(dossiersRecus.heldKeyId, owner.keyId))!;
  const keys = db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.organismeId, owner.organismeId),
        owner.exceptKeyId ? ne(apiKeys.id, owner.exceptKeyId) : undefined,
      ),
    );
  return and(isHeld, inArray(dossiersRecus.heldKeyId, keys))!;
}

/**
 * Discards held records. A held push of an identity that already has an effectif overwrote that effectif's report
 * row: the row is kept, back to "unchanged" (the effectif stands as it was), instead of being deleted.
 * Run both statements in order, in one batch; the changes of the second are the discarded new dossiers.
 */
export function discardHeldStatements(db: Database, owner: HeldOwner) {
  const where = heldOf(db, owner);
  return [
    db
      .update(dossiersRecus)
      .set({ outcome: "unchanged", errors: "[]", heldData: null, heldKeyId: null })
      .where(
        and(
          where,
          exists(
            db
              .select({ one: sql`1` })
              .from(effectifs)
              .where(eq(effectifs.id, dossiersRecus.effectifId)),
          ),
        ),
      ),
    db.delete(dossiersRecus).where(where),
  ] as const;
}

/** How many held records a discard batch (discardHeldStatements' results) removed or restored. */
export const discardedCount = (results: readonly unknown[]) =>
  results.reduce<number>((n, r) => n + ((r as D1Result).meta.changes ?? 0), 0);
