/** An organisme's dashboard: its card, its counters, Mes effectifs (paged, filtered, exported) and one dossier. */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { missionsLocalesDesEffectifs } from "../data/effectif-suivi";
import { countIndicateurs } from "../data/indicateurs";
import { EFFECTIF_FILTERS, findDossier, listEffectifs, type EffectifFilters } from "../data/effectifs";
import { logNominativeAccess } from "../data/downloads-log";
import { derniereTransmission } from "../data/transmissions";
import { countHeld } from "../data/dossiers-recus";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { todayParis } from "../domain/dates";
import type { EffectifDetailResponse, EffectifsExport, EffectifsPage } from "../domain/effectifs-liste";
import type { IndicateursAt } from "../domain/indicateurs-organisme";
import type { OrganismeFicheResponse } from "../domain/organisme-fiche";
import { computeFiabilite } from "../domain/fiabilite";
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

function filtersOf(query: EffectifFilters): EffectifFilters {
  return Object.fromEntries(EFFECTIF_FILTERS.filter((name) => query[name]).map((name) => [name, query[name]]));
}

export const organismesRoutes = new Hono<AppEnv>()
  /** The dashboard card: identity, fiabilité, transmission state. */
  .get("/:id", async (c) => {
    const { id, scope, fiche } = c.var.organisme;
    const db = database(c.env.DB);
    const [organisme, derniere, dossiersEnAttente] = await Promise.all([
      fiche(),
      derniereTransmission(db, id),
      countHeld(db, id),
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
        fiabilite: computeFiabilite({ referentiel: organisme.referentiel, ferme: organisme.ferme }),
        formateurs: scope.length - 1,
        derniereTransmission: derniere,
      },
    } satisfies OrganismeFicheResponse);
  })
  /** The five counters at `date` (default: today in Paris) for the organisme and its formateurs. */
  .get("/:id/indicateurs", validate("query", z.object({ date: dateQuery })), async (c) => {
    const { date } = c.req.valid("query");
    const indicateurs = await countIndicateurs(database(c.env.DB), c.var.organisme.scope, date);
    return c.json({ date, anneeScolaire: anneeScolaireOf(date), indicateurs } satisfies IndicateursAt);
  })
  /** Mes effectifs: one page of rows, filtered per column; the read is logged like a download (SPEC §8). */
  .get("/:id/effectifs", validate("query", pageQuery(PAGE_SIZE_MAX).extend(filtersQuery.shape)), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const { page, taille: limit, ...filters } = c.req.valid("query");
    const { id, scope } = c.var.organisme;
    const db = database(c.env.DB);
    const result = await listEffectifs(db, scope, {
      date: todayParis(),
      filters: filtersOf(filters),
      offset: (page - 1) * limit,
      limit,
    });
    const [missionsLocales] = await Promise.all([
      missionsLocalesDesEffectifs(
        db,
        result.rows.flatMap((row) => (row.effectifId ? [row.effectifId] : [])),
      ),
      logNominativeAccess(db, { userId: user.id, organismeId: id, kind: "effectifs-page", rows: result.rows.length }),
    ]);
    return c.json({
      page,
      taille: limit,
      ...result,
      missionsLocales: Object.fromEntries(missionsLocales),
    } satisfies EffectifsPage);
  })
  /** Every row (filtered), for "Télécharger le rapport complet"; the download is logged (SPEC §8). */
  .get(
    "/:id/effectifs/export",
    validate(
      "query",
      filtersQuery.extend({
        format: z
          .string()
          .optional()
          .transform((format) => (format === "xlsx" ? "xlsx" : "csv")),
      }),
    ),
    async (c) => {
      requireNominatif(c);
      const user = requireActiveUser(c);
      const { format, ...filters } = c.req.valid("query");
      const { id, scope } = c.var.organisme;
      const db = database(c.env.DB);
      const result = await listEffectifs(db, scope, {
        date: todayParis(),
        filters: filtersOf(filters),
        offset: 0,
        limit: EXPORT_MAX,
      });
      await logNominativeAccess(db, {
        userId: user.id,
        organismeId: id,
        kind: `effectifs-${format}`,
        rows: result.rows.length,
      });
      return c.json(result satisfies EffectifsExport);
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
    return c.json({ effectif } satisfies EffectifDetailResponse);
  });
