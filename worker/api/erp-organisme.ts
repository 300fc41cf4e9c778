import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authenticateApiKey } from "../lib/api-key";
import { notFound } from "../lib/errors";

/**
 * Not in the reference API (an addition it allows): which organisme a key belongs to, so that an ERP (or our
 * simulator) can check its configuration before pushing. It does not count as the key's first use.
 */
export const erpOrganismeRoutes = new Hono<AppEnv>().get("/organisme", async (c) => {
  const ip = c.req.header("CF-Connecting-IP") ?? "local";
  const { organismeId } = await authenticateApiKey(c.env, c.req.header("Authorization"), ip);
  const organisme = await c.env.DB.prepare("SELECT uai, siret, raison_sociale, nature FROM organismes WHERE id = ?")
    .bind(organismeId)
    .first<{ uai: string | null; siret: string; raison_sociale: string; nature: string }>();
  if (!organisme) throw notFound("Organisme introuvable.");
  const { results: formateurs } = await c.env.DB.prepare(
    `SELECT o.uai, o.siret, o.raison_sociale FROM organisme_relations r JOIN organismes o ON o.id = r.formateur_id
      WHERE r.responsable_id = ? AND o.id != ?`,
  )
    .bind(organismeId, organismeId)
    .all();
  return c.json({ ...organisme, formateurs });
});
