/**
 * A perimeter's indicators (réseaux, opérateurs publics, administrators; SPEC §8): its counters at a date, by
 * département, organisme and formation, month by month, and the nominative lists the user may open (every page
 * and file logged). The perimeter is the user's (`perimetreOf`), narrowed by the région/département/académie asked.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../env";
import { badRequest } from "../lib/errors";
import { listesNominativesOf, requireListe } from "../lib/listes-nominatives";
import { perimetreOf } from "../lib/permissions";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { LISTE_EXPORT_MAX, listeQuery } from "./liste-query";
import { database } from "../data/db";
import { logNominativeAccess } from "../data/downloads-log";
import { indicateursParDepartement, indicateursParOrganisme } from "../data/indicateurs-perimetre";
import { indicateursParFormation } from "../data/indicateurs-perimetre-formations";
import { listApprenantsPerimetre } from "../data/indicateurs-perimetre-liste";
import { countIndicateursTerritoire, evolutionTerritoire } from "../data/indicateurs-territoire";
import type { FiltresTerritoire } from "../data/perimetres";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { todayParis } from "../domain/dates";
import {
  CHOISIR_UN_TERRITOIRE,
  isNational,
  type DepartementsPerimetre,
  type EvolutionPerimetre,
  type FormationsPerimetre,
  type IndicateursTerritoire,
  type ListePerimetre,
  type ListePerimetrePage,
  type OrganismesPerimetre,
  type Perimetre,
} from "../domain/indicateurs-territoire";
import { anneeScolaireQuery, dateQuery, pageQuery } from "../domain/query-schemas";

/** A territory filter; blank is no filter. */
const filtre = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const filtres = z.object({ region: filtre, departement: filtre, academie: filtre });

const PAGE_SIZE_MAX = 200;
/** The perimeter narrows with the same filters as its counters. */
const listePerimetreQuery = listeQuery.extend(filtres.shape);

/** Signed in before anything else: a visitor gets a 401, whatever the query. */
const activeUser = createMiddleware<AppEnv>(async (c, next) => {
  requireActiveUser(c);
  await next();
});

/** The caller's perimeter narrowed by the filters asked (a 403 for an OFA, or for another territory than one's own). */
async function perimetreDemande(c: Context<AppEnv>, demande: z.output<typeof filtres>) {
  const user = requireActiveUser(c);
  const db = database(c.env.DB);
  const asked: FiltresTerritoire = Object.fromEntries(Object.entries(demande).filter(([, value]) => value));
  return { user, db, perimetre: await perimetreOf(db, user, asked) };
}

/**
 * A list's file is refused for the whole country: it reads every matching row (up to LISTE_EXPORT_MAX) of a million
 * effectifs. Its pages and the breakdown by formation are national (measured paths, worker/data).
 */
function requireTerritoire(perimetre: Perimetre): void {
  if (isNational(perimetre)) throw badRequest(CHOISIR_UN_TERRITOIRE);
}

export const indicateursTerritoireRoutes = new Hono<AppEnv>()
  .use(activeUser)
  /** The five counters at the date, and which nominative lists the user may open. */
  .get("/", validate("query", filtres.extend({ date: dateQuery })), async (c) => {
    const { date, ...demande } = c.req.valid("query");
    const { user, db, perimetre } = await perimetreDemande(c, demande);
    const [{ indicateurs, organismes }, listes] = await Promise.all([
      countIndicateursTerritoire(db, perimetre, date),
      listesNominativesOf(db, user, perimetre),
    ]);
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      perimetre,
      organismes,
      indicateurs,
      listes,
    } satisfies IndicateursTerritoire);
  })
  .get("/departements", validate("query", filtres.extend({ date: dateQuery })), async (c) => {
    const { date, ...demande } = c.req.valid("query");
    const { db, perimetre } = await perimetreDemande(c, demande);
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      perimetre,
      departements: await indicateursParDepartement(db, perimetre, date),
    } satisfies DepartementsPerimetre);
  })
  .get(
    "/organismes",
    validate("query", filtres.extend({ date: dateQuery }).extend(pageQuery(PAGE_SIZE_MAX).shape)),
    async (c) => {
      const { date, page, taille, ...demande } = c.req.valid("query");
      const { db, perimetre } = await perimetreDemande(c, demande);
      const offset = (page - 1) * taille;
      const { total, organismes } = await indicateursParOrganisme(db, perimetre, date, { offset, limit: taille });
      return c.json({
        date,
        anneeScolaire: anneeScolaireOf(date),
        perimetre,
        total,
        page,
        taille,
        organismes,
      } satisfies OrganismesPerimetre);
    },
  )
  .get(
    "/formations",
    validate("query", filtres.extend({ date: dateQuery }).extend(pageQuery(PAGE_SIZE_MAX).shape)),
    async (c) => {
      const { date, page, taille, ...demande } = c.req.valid("query");
      const { db, perimetre } = await perimetreDemande(c, demande);
      const offset = (page - 1) * taille;
      const { total, formations } = await indicateursParFormation(db, perimetre, date, { offset, limit: taille });
      return c.json({
        date,
        anneeScolaire: anneeScolaireOf(date),
        perimetre,
        total,
        page,
        taille,
        formations,
      } satisfies FormationsPerimetre);
    },
  )
  .get("/evolution", validate("query", filtres.extend({ annee: anneeScolaireQuery })), async (c) => {
    const { annee: anneeScolaire, ...demande } = c.req.valid("query");
    const { db, perimetre } = await perimetreDemande(c, demande);
    const points = await evolutionTerritoire(db, perimetre, anneeScolaire, todayParis());
    return c.json({ anneeScolaire, perimetre, points } satisfies EvolutionPerimetre);
  })
  /** One page of a list, or (with export=csv|xlsx) all of it for the file; either is logged (SPEC §8). */
  .get("/liste", validate("query", listePerimetreQuery), async (c) => {
    const { indicateur, date, export: format, page, taille, ...demande } = c.req.valid("query");
    const { user, db, perimetre } = await perimetreDemande(c, demande);
    requireListe(await listesNominativesOf(db, user, perimetre), indicateur);
    const log = (kind: string, rows: number) =>
      logNominativeAccess(db, { userId: user.id, organismeId: null, kind: `territoire-${indicateur}-${kind}`, rows });
    if (format) {
      requireTerritoire(perimetre);
      const result = await listApprenantsPerimetre(db, perimetre, {
        indicateur,
        date,
        offset: 0,
        limit: LISTE_EXPORT_MAX,
      });
      if (result.total > LISTE_EXPORT_MAX)
        throw badRequest(
          `Cette liste compte ${result.total.toLocaleString("fr-FR")} apprenants : un fichier en contient ${LISTE_EXPORT_MAX.toLocaleString("fr-FR")} au plus. Choisissez un périmètre plus petit (un département).`,
        );
      await log(format, result.rows.length);
      return c.json({ indicateur, date, perimetre, ...result } satisfies ListePerimetre);
    }
    const offset = (page - 1) * taille;
    const result = await listApprenantsPerimetre(db, perimetre, { indicateur, date, offset, limit: taille });
    await log("page", result.rows.length);
    return c.json({ indicateur, date, perimetre, page, taille, ...result } satisfies ListePerimetrePage);
  });
