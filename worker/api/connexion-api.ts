import { Hono } from "hono";
import { isAdministrator } from "../domain/administrateur";
import type { AppEnv } from "../env";
import { findActiveKey } from "../connection/keys";
import { organismeHub } from "../connection/hub";

const normaliseUai = (value: string | undefined) => value?.trim().toUpperCase() || null;
const normaliseSiret = (value: string | undefined) => value?.replace(/[\s.-]/g, "") || null;
const paramErreur = (message: string) => `/parametres?erreur=${encodeURIComponent(message)}`;

/**
 * `GET /connexion-api?siret=…&uai=…&erp=…&api_key=…`: the link ERPs open in the user's browser to signal that the
 * key is installed. Logged out, the link goes through the login and comes back; logged in, it records the
 * key's first use and shows the Paramètres page (which then asks to confirm the UAI and SIRET).
 */
export const connexionApiRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const user = c.var.user;
  if (!user) {
    const url = new URL(c.req.url);
    return c.redirect(`/connexion?redirect=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  if (user.status !== "active") return c.redirect("/en-attente", 302);
  const apiKey = c.req.query("api_key")?.trim();
  if (!apiKey)
    return c.redirect(paramErreur("Le lien de votre ERP ne contient pas de clé d'échange (paramètre api_key)."), 302);
  const key = await findActiveKey(c.env.DB, apiKey);
  if (!key) {
    return c.redirect(
      paramErreur(
        "La clé d'échange transmise par votre ERP n'est pas valide : générez une nouvelle clé et collez-la dans votre ERP.",
      ),
      302,
    );
  }
  if (!isAdministrator(user) && user.organismeId !== key.organismeId) {
    return c.redirect(paramErreur("Cette clé d'échange appartient à un autre organisme que le vôtre."), 302);
  }
  await c.env.DB.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
    .bind(new Date().toISOString(), key.id)
    .run();
  await organismeHub(c.env, key.organismeId).recordFirstUse({
    keyId: key.id,
    via: "link",
    uai: normaliseUai(c.req.query("uai")),
    siret: normaliseSiret(c.req.query("siret")),
    erp: c.req.query("erp")?.trim() || null,
  });
  return c.redirect(
    isAdministrator(user) && user.organismeId !== key.organismeId
      ? `/parametres?organisme=${key.organismeId}`
      : "/parametres",
    302,
  );
});
