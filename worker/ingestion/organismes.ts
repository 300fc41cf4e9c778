/** Finding the organismes a push names, and which of them the sender may write (SPEC §5 scope). */

export interface OrganismesLookup {
  /** "UAI|SIRET" → organisme id */
  byCouple: Map<string, string>;
  /** the sender and its formateurs */
  scope: Set<string>;
}

export const coupleKey = (uai: string, siret: string) => `${uai}|${siret}`;

/** One round trip: the organismes carrying these SIRETs, and the sender's formateurs. */
export async function lookupOrganismes(db: D1Database, senderId: string, sirets: string[]): Promise<OrganismesLookup> {
  const [organismes, formateurs] = await db.batch<{ id: string; uai?: string | null; siret?: string }>([
    db
      .prepare("SELECT id, uai, siret FROM organismes WHERE siret IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify([...new Set(sirets)])),
    db.prepare("SELECT formateur_id AS id FROM organisme_relations WHERE responsable_id = ?").bind(senderId),
  ]);
  const byCouple = new Map<string, string>();
  for (const o of organismes.results) if (o.uai && o.siret) byCouple.set(coupleKey(o.uai, o.siret), o.id);
  return { byCouple, scope: new Set([senderId, ...formateurs.results.map((f) => f.id)]) };
}
