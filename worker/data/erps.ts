/** The ERP catalogue (erps), as the transmission page offers it. */
import { asc } from "drizzle-orm";
import { erps } from "../../db/schema";
import type { Database } from "./db";

export const listErps = (db: Database) =>
  db
    .select({ id: erps.id, label: erps.label, apiKeySupport: erps.apiKeySupport })
    .from(erps)
    .orderBy(asc(erps.ordre), asc(erps.label));
