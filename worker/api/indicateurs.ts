/**
 * Mes indicateurs (counters by formation, month by month evolution, nominative lists with logged export) and the
 * history of transmissions, for an organisme and its formateurs.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { badRequest, notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { visibleScope } from "../lib/organisme-scope";
import { anneeScolaireParam, dateParam, joursParam, pageParams, todayParis } from "../lib/query-params";
import { countIndicateursParFormation } from "../lib/indicateurs-formations";
import { evolutionIndicateurs } from "../lib/indicateurs-evolution";
import { isIndicateur, listApprenants } from "../lib/indicateurs-liste";
import {
  dossiersInvalides,
  findTransmission,
  transmissionsDuJour,
  transmissionsParJour,
} from "../lib/transmissions-query";
import { logDownload } from "../lib/downloads";
import { anneeScolaireOf } from "../domain/annee-scolaire";

const PAGE_SIZE_MAX = 200;
/** An export holds every row of the list; past this, the list is too large to download at once. */
const EXPORT_MAX = 50_000;

/** The user may see the organisme: its scope (itself and its formateurs). */
async function scopeOf(c: Context<AppEnv>): Promise<{ userId: string; id: string; scope: string[] }> {
  const user = requireActiveUser(c);
  const id = c.req.param("id")!;
  return { userId: user.id, id, scope: await visibleScope(c.env.DB, user, id) };
}

export const indicateursRoutes = new Hono<AppEnv>()
  .get("/:id/indicateurs/formations", async (c) => {
    const date = dateParam(c.req.query("date"));
    const { scope } = await scopeOf(c);
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      formations: await countIndicateursParFormation(c.env.DB, scope, date),
    });
  })
  .get("/:id/indicateurs/evolution", async (c) => {
    const anneeScolaire = anneeScolaireParam(c.req.query("annee"));
    const { scope } = await scopeOf(c);
    return c.json({ anneeScolaire, points: await evolutionIndicateurs(c.env.DB, scope, anneeScolaire, todayParis()) });
  })
  /** One page of the list, or (with export=csv|xlsx) all of it for the file, the download being logged (SPEC §8). */
  .get("/:id/indicateurs/liste", async (c) => {
    const indicateur = c.req.query("indicateur");
    if (!isIndicateur(indicateur))
      throw badRequest("Indicateur inconnu (attendu : apprenants, apprentis, rupturants, inscrits ou abandons).");
    const date = dateParam(c.req.query("date"));
    const format = c.req.query("export");
    if (format !== undefined && format !== "csv" && format !== "xlsx")
      throw badRequest("Format d'export inconnu (attendu : csv ou xlsx).");
    const { userId, id, scope } = await scopeOf(c);
    if (format) {
      const result = await listApprenants(c.env.DB, scope, { indicateur, date, offset: 0, limit: EXPORT_MAX });
      await logDownload(c.env.DB, { userId, organismeId: id, kind: `indicateur-${indicateur}-${format}` });
      return c.json({ indicateur, date, ...result });
    }
    const { page, taille } = pageParams(c.req.query(), PAGE_SIZE_MAX);
    const result = await listApprenants(c.env.DB, scope, {
      indicateur,
      date,
      offset: (page - 1) * taille,
      limit: taille,
    });
    return c.json({ indicateur, date, page, taille, ...result });
  })
  /** Per day over the last `jours` days, or the pushes of one day with `date`. */
  .get("/:id/transmissions", async (c) => {
    const date = c.req.query("date");
    if (date !== undefined) {
      const jour = dateParam(date);
      const { scope } = await scopeOf(c);
      return c.json({ date: jour, transmissions: await transmissionsDuJour(c.env.DB, scope, jour) });
    }
    const jours = joursParam(c.req.query("jours"));
    const { scope } = await scopeOf(c);
    return c.json({ jours, parJour: await transmissionsParJour(c.env.DB, scope, jours) });
  })
  .get("/:id/transmissions/:transmissionId", async (c) => {
    const { scope } = await scopeOf(c);
    const transmission = await findTransmission(c.env.DB, c.req.param("transmissionId"));
    if (!transmission || !scope.includes(transmission.organismeId)) throw notFound("Transmission introuvable.");
    return c.json({ transmission, dossiersInvalides: await dossiersInvalides(c.env.DB, scope, transmission.id) });
  });
