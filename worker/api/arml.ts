/**
 * An ARML's view (SPEC §10): the activity of the Missions Locales of its région (counters per tab and per follow-up
 * state), never a learner. Administrators may ask for any région.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { armlHubKey } from "../connection/perimetre-hub";
import { upgradeToPerimetreHub } from "./perimetre-live";
import { forbidden } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { missionsLocalesOfRegion } from "../data/missions-locales";
import { territoireOf } from "../data/perimetres";
import { isAdministrator } from "../domain/administrateur";
import { todayParis } from "../domain/dates";
import { compterEtats, compterOnglets } from "../domain/jeunes-en-rupture";
import type { ArmlActivite } from "../domain/missions-locales";
import { REGIONS } from "../domain/territoires";
import { jeunesDeLaZone } from "../missions-locales/worklist";

/** The région whose Missions Locales the caller reads: an ARML's own, or the one an administrator asks for. */
async function armlRegion(
  c: Context<AppEnv>,
  asked: string | undefined,
): Promise<{ user: SessionUser; region: string }> {
  const user = requireActiveUser(c);
  let region = asked;
  if (!isAdministrator(user)) {
    const organisation = await territoireOf(database(c.env.DB), user.organisationId);
    if (organisation?.type !== "ARML" || !organisation.codeRegion) throw forbidden("Cette page est réservée aux ARML.");
    if (region && region !== organisation.codeRegion)
      throw forbidden("Vous n'avez accès qu'aux Missions Locales de votre région.");
    region = organisation.codeRegion;
  }
  if (!region) throw forbidden("Choisissez une région.");
  return { user, region };
}

const regionQuery = validate("query", z.object({ region: z.string().max(3).optional() }));

export const armlRoutes = new Hono<AppEnv>()
  .get("/missions-locales", regionQuery, async (c) => {
    const { region } = await armlRegion(c, c.req.valid("query").region);
    const db = database(c.env.DB);
    const today = todayParis();
    const missionsLocales = await Promise.all(
      (await missionsLocalesOfRegion(db, region)).map(async (ml) => {
        const jeunes = await jeunesDeLaZone(db, ml.id, today);
        return {
          ...ml,
          onglets: compterOnglets(jeunes),
          etats: compterEtats(jeunes),
          signales: jeunes.filter((j) => j.onglet === "rupturants" && j.signaleAt).length,
        };
      }),
    );
    return c.json({
      region: { code: region, nom: REGIONS[region] ?? region },
      aujourdhui: today,
      missionsLocales,
    } satisfies ArmlActivite);
  })
  /** The view's live socket: its PerimetreHub, told with each of the région's Missions Locales' worklists. */
  .get("/live", regionQuery, async (c) => {
    const { user, region } = await armlRegion(c, c.req.valid("query").region);
    return upgradeToPerimetreHub(c, user, armlHubKey(region));
  });
