/** The ERP catalogue (erps): offered by the transmission page, managed by administrators. */
import { eq, sql } from "drizzle-orm";
import { erps } from "../../db/schema";
import type { Database } from "./db";

export type Erp = typeof erps.$inferSelect;

/** Every ERP, active or not, in the seed's order: alphabetical, whatever the case of the label. */
export const listErps = (db: Database) =>
  db
    .select({ id: erps.id, label: erps.label, apiKeySupport: erps.apiKeySupport, actif: erps.actif })
    .from(erps)
    .orderBy(sql`${erps.label} COLLATE NOCASE`);

/** For administrators: every ERP with the number of organismes that chose it. */
export const listErpsAvecUsage = (db: Database) =>
  db
    .select({
      id: erps.id,
      label: erps.label,
      apiKeySupport: erps.apiKeySupport,
      actif: erps.actif,
      // Qualified by hand: drizzle writes a single table's columns unqualified, and "id" would be the organisme's.
      organismes: sql<number>`(SELECT count(*) FROM organismes o WHERE o.erp = erps.id)`,
    })
    .from(erps)
    .orderBy(sql`${erps.label} COLLATE NOCASE`)
    .all();

export const findErp = (db: Database, id: string) => db.select().from(erps).where(eq(erps.id, id)).get();

export const findErpByLabel = (db: Database, label: string) =>
  db
    .select()
    .from(erps)
    .where(sql`${erps.label} = ${label} COLLATE NOCASE`)
    .get();

/** Inserted unless the id exists; true when it was. */
export async function insertErp(db: Database, erp: Pick<Erp, "id" | "label" | "apiKeySupport">): Promise<boolean> {
  const result = await db.insert(erps).values(erp).onConflictDoNothing().run();
  return result.meta.changes > 0;
}

export const updateErp = (db: Database, id: string, changes: Partial<Pick<Erp, "label" | "apiKeySupport" | "actif">>) =>
  db.update(erps).set(changes).where(eq(erps.id, id)).returning().get();
