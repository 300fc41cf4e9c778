/** The organisme and its formateurs: what an organisme's indicators, lists and transmissions include (SPEC §6). */
export async function organismeEtFormateurs(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT formateur_id AS id FROM organisme_relations WHERE responsable_id = ?")
    .bind(id)
    .all<{ id: string }>();
  return [id, ...results.map((r) => r.id).filter((f) => f !== id)];
}
