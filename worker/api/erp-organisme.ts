import { Hono } from "hono";
import type { AppEnv } from "../env";
import { database } from "../data/db";
import { findErpOrganisme } from "../data/organismes";
import { notFound } from "../lib/errors";
import { authenticateApiKey } from "../connection/keys";

/**
 * Not in the reference API (an addition it allows): which organisme a key belongs to, so that an ERP (or our
 * simulator) can check its configuration before pushing. It does not count as the key's first use.
 */
export const erpOrganismeRoutes = new Hono<AppEnv>().get("/organisme", async (c) => {
  const ip = c.req.header("CF-Connecting-IP") ?? "local";
  const { organismeId } = await authenticateApiKey(c.env, c.req.header("Authorization"), ip);
  const organisme = await findErpOrganisme(database(c.env.DB), organismeId);
  if (!organisme) throw notFound("Organisme introuvable.");
  return c.json(organisme);
});
