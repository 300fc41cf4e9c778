import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../env";
import { forbidden } from "../lib/errors";
import { perimetreOf } from "../lib/permissions";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { listErps } from "../data/erps";
import { exportOrganismesPerimetre, listOrganismesPerimetre, type LigneOrganisme } from "../data/perimetre-organismes";
import { isAdministrator } from "../domain/administrateur";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { todayParis } from "../domain/dates";
import { computeFiabilite } from "../domain/fiabilite";
import {
  ETATS_TRANSMISSION,
  ORGANISATIONS_TERRITORIALES,
  TRIS_ORGANISMES,
  type OrganismePerimetre,
  type OrganismesPerimetreExport,
  type OrganismesPerimetrePage,
} from "../domain/perimetre-organismes";
import { pageQuery } from "../domain/query-schemas";

const PAGE_SIZE_MAX = 200;
/** A download holds every organisme retained; the whole country is well under this. */
const EXPORT_MAX = 50_000;

/** A filter's value; blank is no filter. */
const filtre = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** One of `values`, or blank for no filter. */
const choix = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  filtre.pipe(z.enum(values, { error: message }).optional());

const query = z
  .object({
    departement: filtre,
    nature: filtre,
    erp: filtre,
    etat: choix(ETATS_TRANSMISSION, "État de transmission inconnu."),
    fiable: choix(["oui", "non"], "Filtre de fiabilité inconnu (attendu : oui ou non)."),
    recherche: z.string().max(100, "La recherche est trop longue (100 caractères au plus).").optional(),
    tri: z.enum(TRIS_ORGANISMES, { error: "Colonne de tri inconnue." }).default("nom"),
    sens: z.enum(["asc", "desc"], { error: "Sens de tri inconnu (attendu : asc ou desc)." }).default("asc"),
    export: z.enum(["csv", "xlsx"], { error: "Format d'export inconnu (attendu : csv ou xlsx)." }).optional(),
  })
  .extend(pageQuery(PAGE_SIZE_MAX).shape);

const organismeOf = (row: LigneOrganisme): OrganismePerimetre => ({
  id: row.id,
  uai: row.uai,
  siret: row.siret,
  raisonSociale: row.raisonSociale,
  enseigne: row.enseigne,
  nature: row.nature,
  fiabilite: computeFiabilite({ referentiel: row.referentiel === 1, ferme: row.ferme === 1 }),
  commune: row.commune,
  departement: row.departement,
  modeTransmission: row.modeTransmission,
  erp: row.erp,
  etatTransmission: row.etat,
  derniereTransmission: row.lastTransmissionAt,
  indicateurs: {
    apprenants: row.apprenants,
    apprentis: row.apprentis,
    inscrits: row.inscrits,
    rupturants: row.rupturants,
    abandons: row.abandons,
  },
  invalides: row.invalides,
});

/** Before the query is read: a visitor gets a 401, an OFA a 403, whatever they asked. */
const territorial = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireActiveUser(c);
  if (!isAdministrator(user) && !ORGANISATIONS_TERRITORIALES.includes(user.organisationType)) {
    throw forbidden(
      "La liste des organismes d'un périmètre est réservée aux réseaux, aux opérateurs publics et aux administrateurs.",
    );
  }
  await next();
});

/**
 * `GET /api/perimetre/organismes`: every organisme the caller's perimeter names (SPEC §8: a réseau its members, a
 * DREETS its région, a DDETS its département, an académie its académie, an administrator the country), filtered,
 * searched, sorted and paged, with the taux de couverture; `export=csv|xlsx` answers every row retained.
 */
export const perimetreOrganismesRoutes = new Hono<AppEnv>().get(
  "/",
  territorial,
  validate("query", query),
  async (c) => {
    const user = requireActiveUser(c);
    const { page, taille, tri, sens, export: format, fiable, ...filtres } = c.req.valid("query");
    const db = database(c.env.DB);
    const perimetre = await perimetreOf(db, user, {});
    const date = todayParis();
    const options = {
      filtres: { ...filtres, fiable: fiable === undefined ? undefined : fiable === "oui" },
      date,
      tri: { colonne: tri, sens },
    };
    if (format) {
      const rows = await exportOrganismesPerimetre(db, perimetre, { ...options, limit: EXPORT_MAX });
      return c.json({ date, total: rows.length, rows: rows.map(organismeOf) } satisfies OrganismesPerimetreExport);
    }
    const [result, erps] = await Promise.all([
      listOrganismesPerimetre(db, perimetre, { ...options, offset: (page - 1) * taille, limit: taille }),
      listErps(db),
    ]);
    const { departements } = result;
    return c.json({
      date,
      anneeScolaire: anneeScolaireOf(date),
      perimetre,
      couverture: {
        organismes: departements.reduce((sum, d) => sum + d.organismes, 0),
        transmettent: departements.reduce((sum, d) => sum + d.transmettent, 0),
        departements,
      },
      erps,
      page,
      taille,
      total: result.total,
      rows: result.rows.map(organismeOf),
    } satisfies OrganismesPerimetrePage);
  },
);
