/**
 * The rows of the multi-row statements (sql.ts) and their column lists, derived from the drizzle schema
 * (db/schema.ts) and keyed by SQL column name, as the statements name them. No D1 types: the demo seeder (Node)
 * builds its rows with them too.
 */
import { getTableColumns, type Table } from "drizzle-orm";

type ColumnsOf<T extends Table> = T["_"]["columns"];

/** A row of `T` keyed by its SQL column names, with the types of `T["$inferSelect"]`. */
export type SqlRow<T extends Table> = {
  [K in keyof ColumnsOf<T> & keyof T["$inferSelect"] as ColumnsOf<T>[K]["_"]["name"]]: T["$inferSelect"][K];
};

/** The SQL column names of a table, in the schema's order. */
export const sqlColumns = <T extends Table>(table: T) =>
  Object.values(getTableColumns(table)).map((column) => column.name) as (keyof SqlRow<T> & string)[];
