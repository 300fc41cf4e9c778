/**
 * The one access check of `/api/organismes/:id/*`: the caller's right on the organisme, then the organisme itself
 * (with its formateurs), loaded once and set in `c.var.organisme` for the routes.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { isAdministrator } from "../domain/administrateur";
import { database } from "../data/db";
import { findOrganismeEtFormateurs, type Organisme } from "../data/organismes";
import { forbidden, notFound } from "./errors";
import { canSeeOrganisme } from "./permissions";
import { requireActiveUser } from "./session";

export interface OrganismeAccess {
  organisme: Organisme;
  /** the organisme and its formateurs: the scope of its indicators, lists and transmissions */
  scope: string[];
  /** "configuration": its own users and administrators set its transmission up; "lecture": they may only read */
  droit: "configuration" | "lecture";
}

export const organismeAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = requireActiveUser(c);
  const id = c.req.param("id");
  if (!id || !canSeeOrganisme(user, id)) throw forbidden("Vous n'avez pas accès à cet organisme.");
  const found = await findOrganismeEtFormateurs(database(c.env.DB), id);
  if (!found) throw notFound("Organisme introuvable.");
  c.set("organisme", {
    organisme: found.organisme,
    scope: [id, ...found.formateurIds],
    droit: isAdministrator(user) || user.organismeId === id ? "configuration" : "lecture",
  });
  await next();
};

/** For the routes that change an organisme's settings: only its own users or an administrator. */
export function requireConfiguration(c: Context<AppEnv>): OrganismeAccess {
  const access = c.var.organisme;
  if (access.droit !== "configuration") {
    throw forbidden("Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.");
  }
  return access;
}
