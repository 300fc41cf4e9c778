/** Finding the organismes a push names, and which of them the sender may write (SPEC §5 scope). */
import { eq, inArray, sql } from "drizzle-orm";
import { organismeRelations, organismes } from "../../db/schema";
import type { Database } from "../data/db";

export interface OrganismesLookup {
  /** "UAI|SIRET" → organisme id */
  byCouple: Map<string, string>;
  /** the sender and its formateurs */
  scope: Set<string>;
}

export const coupleKey = (uai: string, siret: string) => `${uai}|${siret}`;

/** One round trip: the organismes carrying these SIRETs (one JSON parameter, however many), and the sender's formateurs. */
export async function lookupOrganismes(db: Database, senderId: string, sirets: string[]): Promise<OrganismesLookup> {
  const [named, formateurs] = await db.batch([
    db
      .select({ id: organismes.id, uai: organismes.uai, siret: organismes.siret })
      .from(organismes)
      .where(inArray(organismes.siret, sql`(SELECT value FROM json_each(${JSON.stringify([...new Set(sirets)])}))`)),
    db
      .select({ id: organismeRelations.formateurId })
      .from(organismeRelations)
      .where(eq(organismeRelations.responsableId, senderId)),
  ]);
  const byCouple = new Map<string, string>();
  for (const o of named) if (o.uai) byCouple.set(coupleKey(o.uai, o.siret), o.id);
  return { byCouple, scope: new Set([senderId, ...formateurs.map((f) => f.id)]) };
}
