/**
 * The scope of an organisme's reads (itself and its formateurs) travels as one JSON parameter read with json_each:
 * an organisme may have more formateurs than D1's 100 bound parameters.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** `column IN (the scope)`, one bound parameter whatever the number of organismes. */
export const inScope = (column: SQLiteColumn, organismeIds: readonly string[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(organismeIds)}))`;
