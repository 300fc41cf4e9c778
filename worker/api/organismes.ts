/** An organisme's dashboard: its card, its counters, Mes effectifs (paged, filtered, exported) and one dossier. */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { countIndicateurs } from "../data/indicateurs";
import { findDossier } from "../data/effectifs";
import { EFFECTIF_FILTERS, EFFECTIF_TRIS, listEffectifs, type EffectifFilters } from "../data/effectifs-liste";
import { logNominativeAccess } from "../data/downloads-log";
import { derniereTransmission } from "../data/transmissions";
import { countHeld } from "../data/dossiers-recus";
import { countDoublons } from "../data/doublons";
import { organismesDuPerimetre } from "../data/organismes";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { todayParis } from "../domain/dates";
import type { EffectifDetailResponse, EffectifsExport, EffectifsPage } from "../domain/effectifs-liste";
import type { IndicateursAt } from "../domain/indicateurs-organisme";
import type { FormateursResponse, OrganismeFicheResponse } from "../domain/organisme-fiche";
import { computeFiabilite } from "../domain/fiabilite";
import { dossierModifiable } from "../domain/correction-dossier";
import { dateQuery, pageQuery } from "../domain/query-schemas";

const PAGE_SIZE_MAX = 200;
/** An export holds every row; past this, the organisme should filter first. */
const EXPORT_MAX = 50_000;

/** The per-column searches of Mes effectifs (an empty one searches nothing). */
const filtersQuery = z.object(
  Object.fromEntries(EFFECTIF_FILTERS.map((name) => [name, z.string().optional()])) as Record<
    (typeof EFFECTIF_FILTERS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

/** The searches, the sort (`tri`, `ordre`) and the organisme formateur (one of the scope) of Mes effectifs. */
const listeQuery = filtersQuery.extend({
  tri: z.enum(EFFECTIF_TRIS, { error: "Le tri demandé n'est pas une colonne de la liste." }).optional(),
  ordre: z.enum(["asc", "desc"], { error: "L'ordre du tri est « asc » ou « desc »." }).optional(),
  formateur: z.string().max(100).optional(),
});

/** The scope of the list: one organisme of it when a formateur is chosen (none when it is not one of them). */
const formateurScope = (scope: string[], formateur: string | undefined) =>
  formateur ? scope.filter((id) => id === formateur) : scope;

function filtersOf(query: EffectifFilters): EffectifFilters {
  return Object.fromEntries(EFFECTIF_FILTERS.filter((name) => query[name]).map((name) => [name, query[name]]));
}

export const organismesRoutes = new Hono<AppEnv>()
  /** The dashboard card: identity, fiabilité, transmission state. */
  .get("/:id", async (c) => {
    const { id, scope, fiche } = c.var.organisme;
    const db = database(c.env.DB);
    const [organisme, derniere, dossiersEnAttente, doublonsATraiter] = await Promise.all([
      fiche(),
      derniereTransmission(db, id),
      countHeld(db, id),
      countDoublons(db, scope),
    ]);
    return c.json({
      organisme: {
        id: organisme.id,
        uai: organisme.uai,
        siret: organisme.siret,
        raisonSociale: organisme.raisonSociale,
        enseigne: organisme.enseigne,
        nature: organisme.nature,
        adresse: organisme.adresse,
        codePostal: organisme.codePostal,
        commune: organisme.commune,
        departement: organisme.departement,
        region: organisme.region,
        academie: organisme.academie,
        ferme: organisme.ferme,
        referentiel: organisme.referentiel,
        erp: organisme.erp,
        modeTransmission: organisme.modeTransmission,
        configuredAt: organisme.configuredAt,
        lastTransmissionAt: organisme.lastTransmissionAt,
        dossiersEnAttente,
        doublonsATraiter,
        fiabilite: computeFiabilite({ referentiel: organisme.referentiel, ferme: organisme.ferme }),
        formateurs: scope.length - 1,
        derniereTransmission: derniere,
      },
    } satisfies OrganismeFicheResponse);
  })
  /** The organisme and its formateurs (the filter "Organisme formateur" of Mes effectifs). */
  .get("/:id/formateurs", async (c) => {
    const { id, scope } = c.var.organisme;
    const organismes = await organismesDuPerimetre(database(c.env.DB), scope);
    organismes.sort((x, y) => (x.id === id ? -1 : y.id === id ? 1 : x.nom.localeCompare(y.nom, "fr")));
    return c.json({ organismes } satisfies FormateursResponse);
  })
  /** The five counters at `date` (default: today in Paris) for the organisme and its formateurs. */
  .get("/:id/indicateurs", validate("query", z.object({ date: dateQuery })), async (c) => {
    const { date } = c.req.valid("query");
    const indicateurs = await countIndicateurs(database(c.env.DB), c.var.organisme.scope, date);
    return c.json({ date, anneeScolaire: anneeScolaireOf(date), indicateurs } satisfies IndicateursAt);
  })
  /** Mes effectifs: one page of rows, filtered per column; the read is logged like a download (SPEC §8). */
  .get("/:id/effectifs", validate("query", pageQuery(PAGE_SIZE_MAX).extend(listeQuery.shape)), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const { page, taille: limit, tri, ordre, formateur, ...filters } = c.req.valid("query");
    const { id, scope } = c.var.organisme;
    const db = database(c.env.DB);
    const result = await listEffectifs(db, formateurScope(scope, formateur), {
      date: todayParis(),
      filters: filtersOf(filters),
      offset: (page - 1) * limit,
      limit,
      tri,
      ordre,
      journal: { userId: user.id, organismeId: id, kind: "effectifs-page" },
    });
    return c.json({ page, taille: limit, ...result } satisfies EffectifsPage);
  })
  /** Every row (filtered), for "Télécharger le rapport complet"; the download is logged (SPEC §8). */
  .get(
    "/:id/effectifs/export",
    validate(
      "query",
      listeQuery.extend({
        format: z
          .string()
          .optional()
          .transform((format) => (format === "xlsx" ? "xlsx" : "csv")),
      }),
    ),
    async (c) => {
      requireNominatif(c);
      const user = requireActiveUser(c);
      const { format, tri, ordre, formateur, ...filters } = c.req.valid("query");
      const { id, scope } = c.var.organisme;
      const db = database(c.env.DB);
      const result = await listEffectifs(db, formateurScope(scope, formateur), {
        date: todayParis(),
        filters: filtersOf(filters),
        offset: 0,
        limit: EXPORT_MAX,
        tri,
        ordre,
        journal: { userId: user.id, organismeId: id, kind: `effectifs-${format}` },
      });
      return c.json({ total: result.total, rows: result.rows } satisfies EffectifsExport);
    },
  )
  /** One dossier: its data, its parcours and its latest errors (the read is logged). */
  .get("/:id/effectifs/:effectifId", validate("param", z.object({ effectifId: z.string() })), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const db = database(c.env.DB);
    const effectif = await findDossier(db, c.req.valid("param").effectifId);
    if (!effectif || !c.var.organisme.scope.includes(effectif.organismeId)) throw notFound("Dossier introuvable.");
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: c.var.organisme.id,
      kind: "effectif-dossier",
      rows: 1,
    });
    const modifiable = dossierModifiable(effectif.source, (await c.var.organisme.fiche()).modeTransmission);
    return c.json({ effectif: { ...effectif, modifiable } } satisfies EffectifDetailResponse);
  });
