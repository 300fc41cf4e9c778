import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../env";
import { perimetreOf } from "../lib/permissions";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import type { FiltresTerritoire } from "../data/perimetres";
import { countIndicateursTerritoire } from "../data/indicateurs-territoire";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import type { IndicateursTerritoire } from "../domain/indicateurs-territoire";
import { dateQuery } from "../domain/query-schemas";

/** A territory filter; blank is no filter. */
const filtre = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** Signed in before anything else: a visitor gets a 401, whatever the query. */
const activeUser = createMiddleware<AppEnv>(async (c, next) => {
  requireActiveUser(c);
  await next();
});

/**
 * `GET /api/indicateurs?date=&region=&departement=&academie=`: the five counters over the fiable organismes of a
 * territory (national without filter), within what the user may see (SPEC §8).
 */
export const indicateursTerritoireRoutes = new Hono<AppEnv>().get(
  "/",
  activeUser,
  validate("query", z.object({ date: dateQuery, region: filtre, departement: filtre, academie: filtre })),
  async (c) => {
    const user = requireActiveUser(c);
    const { date, ...demande } = c.req.valid("query");
    const filtres: FiltresTerritoire = Object.fromEntries(Object.entries(demande).filter(([, value]) => value));
    const db = database(c.env.DB);
    const perimetre = await perimetreOf(db, user, filtres);
    const { indicateurs, organismes } = await countIndicateursTerritoire(db, perimetre, date);
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      perimetre,
      organismes,
      indicateurs,
    } satisfies IndicateursTerritoire);
  },
);
