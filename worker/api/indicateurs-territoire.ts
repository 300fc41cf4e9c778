import { Hono } from "hono";
import type { AppEnv } from "../env";
import { badRequest } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { perimetreOf, type FiltresTerritoire } from "../lib/perimetre-territorial";
import { countIndicateursTerritoire } from "../lib/indicateurs-territoire-query";
import { anneeScolaireOf } from "../domain/annee-scolaire";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILTRES = ["region", "departement", "academie"] as const;

const todayParis = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/**
 * `GET /api/indicateurs?date=&region=&departement=&academie=`: the five counters over the fiable organismes of a
 * territory (national without filter), within what the user may see (SPEC §8).
 */
export const indicateursTerritoireRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const user = requireActiveUser(c);
  const date = c.req.query("date") || todayParis();
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))
    throw badRequest("Date invalide (format attendu : AAAA-MM-JJ).");
  const filtres: FiltresTerritoire = Object.fromEntries(
    FILTRES.map((name) => [name, c.req.query(name)?.trim()]).filter(([, value]) => value),
  );
  const perimetre = await perimetreOf(c.env.DB, user, filtres);
  const { indicateurs, organismes } = await countIndicateursTerritoire(c.env.DB, perimetre, date);
  return c.json({ date, anneeScolaire: anneeScolaireOf(date), perimetre, organismes, indicateurs });
});
