/** The transmission report (dossiers_recus): the conditions its partial indexes are written for. */
import { and, count, eq, sql } from "drizzle-orm";
import { dossiersRecus } from "../../db/schema";
import type { Database } from "./db";

/**
 * The held records, written as the partial index `dossiers_recus_held` is (`outcome = 'held'`, a literal rather
 * than a bound parameter, so that the planner sees the index applies).
 */
export const isHeld = sql`${dossiersRecus.outcome} = 'held'`;

/** How many records pushed before "Je confirme" wait for the organisme's decision (index dossiers_recus_outcome). */
export async function countHeld(db: Database, organismeId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(dossiersRecus)
    .where(and(eq(dossiersRecus.organismeId, organismeId), isHeld));
  return row?.n ?? 0;
}
