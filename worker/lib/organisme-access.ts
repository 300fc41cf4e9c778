/**
 * The one access check of `/api/organismes/:id/*`: the caller's right on the organisme and the scope of its lists
 * (the organisme and its formateurs), set once in `c.var.organisme` for the routes, with its row on demand.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { isAdministrator } from "../domain/administrateur";
import { database } from "../data/db";
import { findOrganisme, findOrganismeEtFormateurs, type Organisme } from "../data/organismes";
import { perimetreNomme } from "../data/perimetre-organismes";
import { forbidden, notFound } from "./errors";
import { canSeeOrganisme, perimetreOf } from "./permissions";
import { requireActiveUser } from "./session";

export interface OrganismeAccess {
  id: string;
  /** the organisme and its formateurs: the scope of its indicators, lists and transmissions */
  scope: string[];
  /** "configuration": its own users and administrators set its transmission up; "lecture": they may only read */
  droit: "configuration" | "lecture";
  /**
   * the transmission's settings (ERP, key, confirmation, reset): an administrator, or an administrateur of the
   * organisme's own organisation; its membres read them (requireConfiguration)
   */
  parametrage: boolean;
  /**
   * false for a réseau or an opérateur public reading an organisme of its perimeter: its card, counters and
   * transmissions, never a learner (the nominative routes call requireNominatif)
   */
  nominatif: boolean;
  /** the organisme's row, read at most once per request (most routes need only the scope) */
  fiche: () => Promise<Organisme>;
}

const introuvable = () => notFound("Organisme introuvable.");
const refused = () => forbidden("Vous n'avez pas accès à cet organisme.");

export const organismeAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = requireActiveUser(c);
  const id = c.req.param("id");
  const vue = id ? canSeeOrganisme(user, id) : null;
  if (!id || !vue) throw refused();
  const db = database(c.env.DB);
  let fiche: Promise<Organisme> | undefined;
  let scope: string[];
  if (!isAdministrator(user) && id === user.organismeId) {
    // An OFA on its own organisme, the usual case: the session already carries its formateurs, no query.
    scope = [id, ...user.formateurIds.filter((f) => f !== id)];
  } else {
    // A territorial user: one lookup beside the organisme's; an organisme it does not name, known or not, is a 403.
    const nomme = vue === "perimetre" ? perimetreOf(db, user, {}).then((p) => perimetreNomme(db, p, id)) : true;
    const [found, visible] = await Promise.all([findOrganismeEtFormateurs(db, id), nomme]);
    if (!visible) throw refused();
    if (!found) throw introuvable();
    fiche = Promise.resolve(found.organisme);
    scope = [id, ...found.formateurIds];
  }
  c.set("organisme", {
    id,
    scope,
    droit: isAdministrator(user) || user.organismeId === id ? "configuration" : "lecture",
    parametrage: isAdministrator(user) || (user.organismeId === id && user.role === "administrateur"),
    nominatif: vue === "nominatif",
    fiche: () =>
      (fiche ??= findOrganisme(db, id).then((organisme) => {
        if (!organisme) throw introuvable();
        return organisme;
      })),
  });
  await next();
};

/**
 * For the routes that write an organisme's data (a file, a correction, a doublon resolved): only its own users or an
 * administrator.
 */
export function requireConfiguration(c: Context<AppEnv>): OrganismeAccess {
  const access = c.var.organisme;
  if (access.droit !== "configuration") {
    throw forbidden("Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.");
  }
  return access;
}

export const RESERVE_ADMINISTRATEURS_ORGANISATION =
  "Seuls les administrateurs de votre organisation peuvent paramétrer sa transmission.";

/**
 * For the routes that change the transmission's settings (ERP, key, confirmation, reset): an administrateur of the
 * organisme's organisation or an administrator of the service; a membre reads them only.
 */
export function requireParametrage(c: Context<AppEnv>): OrganismeAccess {
  const access = requireConfiguration(c);
  if (!access.parametrage) throw forbidden(RESERVE_ADMINISTRATEURS_ORGANISATION);
  return access;
}

/** For the routes that show learners (lists, dossiers, files, names): not to a perimeter's read-only view. */
export function requireNominatif(c: Context<AppEnv>): OrganismeAccess {
  const access = c.var.organisme;
  if (!access.nominatif) {
    throw forbidden("Les données nominatives de cet organisme ne sont pas accessibles depuis votre périmètre.");
  }
  return access;
}
