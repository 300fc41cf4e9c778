/**
 * Every access to nominative data is logged: who, which organisme, what, when (SPEC §8). Downloads (`*-csv`,
 * `*-xlsx`) and on-screen reads (`*-page`, `effectif-dossier`, `sifa-incomplets`, `transmission-dossiers`) alike,
 * with the number of learners they held. A learner's details opened again within minutes are one consultation.
 */
import { downloadsLog } from "../../db/schema";
import type { Database } from "./db";

export async function logNominativeAccess(
  db: Database,
  entry: Pick<typeof downloadsLog.$inferInsert, "userId" | "organismeId" | "kind" | "rows" | "total" | "cible">,
): Promise<void> {
  await db.insert(downloadsLog).values({ ...entry, at: new Date().toISOString() });
}

/** A learner's contact details opened again by the same person within this delay is the same consultation. */
export const CONSULTATION_MS = 10 * 60_000;

/**
 * Logs an opening of one learner's details (`cible`: the effectif), unless the same user's previous opening of the
 * same kind is less than CONSULTATION_MS old: a page's live refresh of an open detail is not a new consultation.
 */
export async function logConsultation(
  db: Database,
  entry: { userId: string; organismeId: string | null; kind: string; cible: string },
): Promise<void> {
  const now = Date.now();
  await db.$client
    .prepare(
      `INSERT INTO downloads_log (user_id, organisme_id, kind, rows, cible, at)
       SELECT ?1, ?2, ?3, 1, ?4, ?5
        WHERE NOT EXISTS (SELECT 1 FROM downloads_log WHERE user_id = ?1 AND cible = ?4 AND kind = ?3 AND at > ?6)`,
    )
    .bind(
      entry.userId,
      entry.organismeId,
      entry.kind,
      entry.cible,
      new Date(now).toISOString(),
      new Date(now - CONSULTATION_MS).toISOString(),
    )
    .run();
}
