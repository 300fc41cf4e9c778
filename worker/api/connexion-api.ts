import { Hono } from "hono";
import { z } from "zod";
import { isAdministrator } from "../domain/administrateur";
import type { ErreurLienErp } from "../domain/erreurs-lien-erp";
import { normaliseSiret, normaliseUai } from "../domain/identifiants";
import type { AppEnv } from "../env";
import { database } from "../data/db";
import { touchKey } from "../data/api-keys";
import { validate } from "../lib/validate";
import { findActiveKey } from "../connection/keys";
import { organismeHub } from "../connection/hub";

/** The Paramètres page with the reason of a refused link (its message is chosen by the page from the code). */
const paramErreur = (code: ErreurLienErp) => `/parametres?erreur=${code}`;

/** A parameter of the link as the ERP wrote it, normalised; absent or blank is null. */
const linkParam = (normalise: (value: string) => string = (value) => value.trim()) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined ? null : normalise(value) || null));

/** Every parameter is optional: a missing key is answered on the Paramètres page, not as a 400. */
const linkQuery = z.object({
  siret: linkParam(normaliseSiret),
  uai: linkParam(normaliseUai),
  erp: linkParam(),
  api_key: linkParam(),
});

/**
 * `GET /connexion-api?siret=…&uai=…&erp=…&api_key=…`: the link ERPs open in the user's browser to signal that the
 * key is installed. Logged out, the link goes through the login and comes back; logged in, it records the
 * key's first use and shows the Paramètres page (which then asks to confirm the UAI and SIRET).
 */
export const connexionApiRoutes = new Hono<AppEnv>().get("/", validate("query", linkQuery), async (c) => {
  const user = c.var.user;
  if (!user) {
    const url = new URL(c.req.url);
    return c.redirect(`/connexion?redirect=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  if (user.status !== "active") return c.redirect("/en-attente", 302);
  const { api_key: apiKey, uai, siret, erp } = c.req.valid("query");
  if (!apiKey) return c.redirect(paramErreur("cle-absente"), 302);
  const db = database(c.env.DB);
  const key = await findActiveKey(db, apiKey);
  if (!key) return c.redirect(paramErreur("cle-invalide"), 302);
  if (!isAdministrator(user) && user.organismeId !== key.organismeId) {
    return c.redirect(paramErreur("autre-organisme"), 302);
  }
  await touchKey(db, key.id, new Date().toISOString());
  await organismeHub(c.env, key.organismeId).recordFirstUse({ keyId: key.id, via: "link", uai, siret, erp });
  return c.redirect(
    isAdministrator(user) && user.organismeId !== key.organismeId
      ? `/parametres?organisme=${key.organismeId}`
      : "/parametres",
    302,
  );
});
