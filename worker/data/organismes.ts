/** The référentiel's organismes, as the API reads them one at a time. */
import { eq, sql } from "drizzle-orm";
import { organismeRelations, organismes } from "../../db/schema";
import type { Database } from "./db";

export type Organisme = typeof organismes.$inferSelect;

/** An organisme and its formateurs (SPEC §6: what its indicators, lists and transmissions include), in one query. */
export async function findOrganismeEtFormateurs(
  db: Database,
  id: string,
): Promise<{ organisme: Organisme; formateurIds: string[] } | null> {
  const row = await db
    .select({
      organisme: organismes,
      formateurIds: sql<string>`(SELECT json_group_array(${organismeRelations.formateurId}) FROM ${organismeRelations}
        WHERE ${organismeRelations.responsableId} = ${organismes.id})`,
    })
    .from(organismes)
    .where(eq(organismes.id, id))
    .get();
  if (!row) return null;
  const formateurIds = (JSON.parse(row.formateurIds) as string[]).filter((f) => f !== id);
  return { organisme: row.organisme, formateurIds };
}
