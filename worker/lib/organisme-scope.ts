import type { SessionUser } from "../env";
import { forbidden } from "./errors";
import { nominativeScope } from "./permissions";

/** The organisme and its formateurs: what an organisme's indicators, lists and transmissions include (SPEC §6). */
export async function organismeEtFormateurs(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT formateur_id AS id FROM organisme_relations WHERE responsable_id = ?")
    .bind(id)
    .all<{ id: string }>();
  return [id, ...results.map((r) => r.id).filter((f) => f !== id)];
}

/**
 * The scope of organisme `id` for a user allowed to see it, else a 403. For an OFA looking at its own organisme
 * (the usual case) the permission check already read that scope: one query instead of two.
 */
export async function visibleScope(db: D1Database, user: SessionUser, id: string): Promise<string[]> {
  const visible = await nominativeScope(db, user);
  if (user.status !== "active" || (visible !== null && !visible.includes(id))) throw forbidden("Vous n'avez pas accès à cet organisme.");
  return visible !== null && id === user.organismeId ? visible : organismeEtFormateurs(db, id);
}
