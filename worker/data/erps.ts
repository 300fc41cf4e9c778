/** The ERP catalogue (erps), as the transmission page offers it. */
import { sql } from "drizzle-orm";
import { erps } from "../../db/schema";
import type { Database } from "./db";

/** In the seed's order: alphabetical, whatever the case of the label. */
export const listErps = (db: Database) =>
  db
    .select({ id: erps.id, label: erps.label, apiKeySupport: erps.apiKeySupport })
    .from(erps)
    .orderBy(sql`${erps.label} COLLATE NOCASE`);
