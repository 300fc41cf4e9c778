import type { SessionUser } from "../env";
import { forbidden } from "./errors";
import { isAdministrator } from "../domain/administrateur";

/**
 * The organismes whose nominative data a user may see (SPEC §8): an OFA sees itself and its formateurs (read with
 * the session), an administrator everything (null = no restriction).
 */
export function nominativeScope(user: SessionUser): string[] | null {
  if (isAdministrator(user)) return null;
  if (user.organisationType !== "ORGANISME_FORMATION" || !user.organismeId) return [];
  return [user.organismeId, ...user.formateurIds.filter((id) => id !== user.organismeId)];
}

export function canSeeOrganisme(user: SessionUser, organismeId: string): boolean {
  if (user.status !== "active") return false;
  const scope = nominativeScope(user);
  return scope === null || scope.includes(organismeId);
}

/**
 * @deprecated `/api/organismes/:id/*` is checked by the access middleware (lib/organisme-access.ts); kept until
 * live.ts and transmission.ts use `c.var.organisme`.
 */
export function assertCanSeeOrganisme(user: SessionUser, organismeId: string): void {
  if (!canSeeOrganisme(user, organismeId)) throw forbidden("Vous n'avez pas accès à cet organisme.");
}

/**
 * Only the organisme's own users (not those of its responsable) or an administrator configure its transmission.
 * @deprecated use `requireConfiguration(c)` (lib/organisme-access.ts); kept until transmission.ts uses it.
 */
export function assertCanConfigureOrganisme(user: SessionUser, organismeId: string): void {
  if (user.status !== "active" || (!isAdministrator(user) && user.organismeId !== organismeId)) {
    throw forbidden("Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.");
  }
}
