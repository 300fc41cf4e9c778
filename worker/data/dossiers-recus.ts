/** The transmission report (dossiers_recus): the conditions its partial indexes are written for. */
import { sql } from "drizzle-orm";
import { dossiersRecus } from "../../db/schema";

/**
 * The held records, written as the partial index `dossiers_recus_held` is (`outcome = 'held'`, a literal rather
 * than a bound parameter, so that the planner sees the index applies).
 */
export const isHeld = sql`${dossiersRecus.outcome} = 'held'`;
