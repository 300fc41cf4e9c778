/** drizzle over the D1 binding: the query layer of every data module in this folder. */
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema";

const cache = new WeakMap<D1Database, ReturnType<typeof create>>();
const create = (d1: D1Database) => drizzle(d1, { schema });

/** One drizzle instance per binding: building it costs about 0.1 ms, and a request asks for it several times. */
export function database(d1: D1Database) {
  let db = cache.get(d1);
  if (!db) cache.set(d1, (db = create(d1)));
  return db;
}

export type Database = ReturnType<typeof database>;
