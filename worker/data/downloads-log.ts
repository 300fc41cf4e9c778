/**
 * Every access to nominative data is logged: who, which organisme, what, when (SPEC §8). Downloads (`*-csv`,
 * `*-xlsx`) and on-screen reads (`*-page`, `effectif-dossier`, `sifa-incomplets`, `transmission-dossiers`) alike,
 * with the number of learners they held.
 */
import { downloadsLog } from "../../db/schema";
import type { Database } from "./db";

export async function logNominativeAccess(
  db: Database,
  entry: Pick<typeof downloadsLog.$inferInsert, "userId" | "organismeId" | "kind" | "rows" | "cible">,
): Promise<void> {
  await db.insert(downloadsLog).values({ ...entry, at: new Date().toISOString() });
}
