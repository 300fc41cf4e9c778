import type { SessionUser } from "../env";
import { forbidden } from "./errors";
import { isAdministrator } from "../domain/administrateur";

/**
 * The organismes whose nominative data a user may see (SPEC §8): an OFA sees itself and its formateurs,
 * an administrator everything (null = no restriction).
 */
export async function nominativeScope(db: D1Database, user: SessionUser): Promise<string[] | null> {
  if (isAdministrator(user)) return null;
  if (user.organisationType !== "ORGANISME_FORMATION" || !user.organismeId) return [];
  const { results } = await db
    .prepare("SELECT formateur_id AS id FROM organisme_relations WHERE responsable_id = ?")
    .bind(user.organismeId)
    .all<{ id: string }>();
  return [user.organismeId, ...results.map((r) => r.id).filter((id) => id !== user.organismeId)];
}

export async function canSeeOrganisme(db: D1Database, user: SessionUser, organismeId: string): Promise<boolean> {
  if (user.status !== "active") return false;
  const scope = await nominativeScope(db, user);
  return scope === null || scope.includes(organismeId);
}

export async function assertCanSeeOrganisme(db: D1Database, user: SessionUser, organismeId: string): Promise<void> {
  if (!(await canSeeOrganisme(db, user, organismeId))) throw forbidden("Vous n'avez pas accès à cet organisme.");
}

/** Only the organisme's own users (not those of its responsable) or an administrator configure its transmission. */
export function assertCanConfigureOrganisme(user: SessionUser, organismeId: string): void {
  if (user.status !== "active" || (!isAdministrator(user) && user.organismeId !== organismeId)) {
    throw forbidden("Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.");
  }
}
