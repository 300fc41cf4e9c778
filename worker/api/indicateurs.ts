/**
 * Mes indicateurs (counters by formation, month by month evolution, nominative lists with logged export) and the
 * history of transmissions, for an organisme and its formateurs (the scope set by the access middleware).
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { countIndicateursParFormation, evolutionIndicateurs } from "../data/indicateurs";
import { listApprenants } from "../data/indicateurs-liste";
import { LISTE_EXPORT_MAX, listeQuery } from "./liste-query";
import { dossiersInvalides, findTransmission, transmissionsDuJour, transmissionsParJour } from "../data/transmissions";
import { logNominativeAccess } from "../data/downloads-log";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { todayParis } from "../domain/dates";
import { anneeScolaireQuery, dateQuery, joursQuery, optionalDateQuery } from "../domain/query-schemas";
import type { Evolution, FormationsAt, Liste, ListePage } from "../domain/indicateurs-organisme";
import type { TransmissionDetail, TransmissionsDuJour, TransmissionsParJour } from "../domain/transmissions-historique";

export const indicateursRoutes = new Hono<AppEnv>()
  .get("/:id/indicateurs/formations", validate("query", z.object({ date: dateQuery })), async (c) => {
    const { date } = c.req.valid("query");
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      formations: await countIndicateursParFormation(database(c.env.DB), c.var.organisme.scope, date),
    } satisfies FormationsAt);
  })
  .get("/:id/indicateurs/evolution", validate("query", z.object({ annee: anneeScolaireQuery })), async (c) => {
    const { annee: anneeScolaire } = c.req.valid("query");
    const points = await evolutionIndicateurs(database(c.env.DB), c.var.organisme.scope, anneeScolaire, todayParis());
    return c.json({ anneeScolaire, points } satisfies Evolution);
  })
  /** One page of the list, or (with export=csv|xlsx) all of it for the file, the download being logged (SPEC §8). */
  .get("/:id/indicateurs/liste", validate("query", listeQuery), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const { indicateur, date, export: format, page, taille } = c.req.valid("query");
    const { id, scope } = c.var.organisme;
    const db = database(c.env.DB);
    if (format) {
      const result = await listApprenants(db, scope, { indicateur, date, offset: 0, limit: LISTE_EXPORT_MAX });
      await logNominativeAccess(db, {
        userId: user.id,
        organismeId: id,
        kind: `indicateur-${indicateur}-${format}`,
        rows: result.rows.length,
      });
      return c.json({ indicateur, date, ...result } satisfies Liste);
    }
    const result = await listApprenants(db, scope, { indicateur, date, offset: (page - 1) * taille, limit: taille });
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: id,
      kind: `indicateur-${indicateur}-page`,
      rows: result.rows.length,
    });
    return c.json({ indicateur, date, page, taille, ...result } satisfies ListePage);
  })
  /** Per day over the last `jours` days, or the pushes of one day with `date`. */
  .get("/:id/transmissions", validate("query", z.object({ date: optionalDateQuery, jours: joursQuery })), async (c) => {
    const { date, jours } = c.req.valid("query");
    const db = database(c.env.DB);
    if (date !== undefined) {
      const transmissions = await transmissionsDuJour(db, c.var.organisme.scope, date);
      return c.json({ date, transmissions } satisfies TransmissionsDuJour);
    }
    const parJour = await transmissionsParJour(db, c.var.organisme.scope, jours);
    return c.json({ jours, parJour } satisfies TransmissionsParJour);
  })
  /** One push and its invalid dossiers, with the learners' names: the read is logged. */
  .get("/:id/transmissions/:transmissionId", validate("param", z.object({ transmissionId: z.string() })), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const { id, scope } = c.var.organisme;
    const db = database(c.env.DB);
    const transmission = await findTransmission(db, c.req.valid("param").transmissionId);
    if (!transmission || !scope.includes(transmission.organismeId)) throw notFound("Transmission introuvable.");
    const invalides = await dossiersInvalides(db, scope, transmission.id);
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: id,
      kind: "transmission-dossiers",
      rows: invalides.length,
    });
    return c.json({ transmission, dossiersInvalides: invalides } satisfies TransmissionDetail);
  });
