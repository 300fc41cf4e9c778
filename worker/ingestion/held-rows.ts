/**
 * The statements that discard held records, kept apart from held.ts so that the OrganismeHub can put them in the
 * same atomic batch as the key change that makes them obsolete.
 */

/** Whose held records: one key's, or every key of an organisme but (optionally) the one kept. */
export type HeldOwner = { keyId: string } | { organismeId: string; exceptKeyId?: string | null };

/** The SQL condition (on dossiers_recus) and its parameters; `outcome = 'held'` lets the partial index serve it. */
function heldOf(owner: HeldOwner): { where: string; params: string[] } {
  if ("keyId" in owner) return { where: "outcome = 'held' AND held_key_id = ?", params: [owner.keyId] };
  return {
    where: "outcome = 'held' AND held_key_id IN (SELECT id FROM api_keys WHERE organisme_id = ? AND id IS NOT ?)",
    params: [owner.organismeId, owner.exceptKeyId ?? ""],
  };
}

/**
 * Discards held records. A held push of an identity that already has an effectif overwrote that effectif's report
 * row: the row is kept, back to "unchanged" (the effectif stands as it was), instead of being deleted.
 * Run both statements in order, in one batch; the changes of the second are the discarded new dossiers.
 */
export function discardHeldStatements(db: D1Database, owner: HeldOwner): D1PreparedStatement[] {
  const { where, params } = heldOf(owner);
  return [
    db
      .prepare(
        `UPDATE dossiers_recus SET outcome = 'unchanged', errors = '[]', held_data = NULL, held_key_id = NULL
          WHERE ${where} AND EXISTS (SELECT 1 FROM effectifs e WHERE e.id = dossiers_recus.effectif_id)`,
      )
      .bind(...params),
    db.prepare(`DELETE FROM dossiers_recus WHERE ${where}`).bind(...params),
  ];
}

/** How many held records a discard batch (discardHeldStatements' results) removed or restored. */
export const discardedCount = (results: D1Result[]) => results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
