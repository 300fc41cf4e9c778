import type { SessionUser } from "../env";
import { isAdministrator } from "../domain/administrateur";
import { assertCanSeeOrganisme, nominativeScope } from "./permissions";

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
 * (the usual case) the session already holds that scope: no query at all.
 */
export async function visibleScope(db: D1Database, user: SessionUser, id: string): Promise<string[]> {
  assertCanSeeOrganisme(user, id);
  return !isAdministrator(user) && id === user.organismeId
    ? (nominativeScope(user) ?? [])
    : organismeEtFormateurs(db, id);
}
