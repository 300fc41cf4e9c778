import { Hono } from "hono";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { countIndicateurs } from "../lib/indicateurs-query";
import { anneeScolaireOf } from "../domain/annee-scolaire";
import { computeFiabilite } from "../domain/fiabilite";
import { EFFECTIF_FILTERS, listEffectifs, type EffectifFilters } from "../lib/effectifs-query";
import { logDownload } from "../lib/downloads";
import { visibleScope } from "../lib/organisme-scope";
import { dateParam, pageParams, todayParis } from "../lib/query-params";

interface OrganismeRow {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  nature: string;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: number;
  referentiel: number;
  erp: string | null;
  modeTransmission: string | null;
  configuredAt: string | null;
  lastTransmissionAt: string | null;
}

async function findOrganisme(db: D1Database, id: string): Promise<OrganismeRow> {
  const row = await db
    .prepare(
      `SELECT id, uai, siret, raison_sociale AS raisonSociale, enseigne, nature, adresse, code_postal AS codePostal, commune,
              departement, region, academie, ferme, referentiel, erp, mode_transmission AS modeTransmission,
              configured_at AS configuredAt, last_transmission_at AS lastTransmissionAt
         FROM organismes WHERE id = ?`,
    )
    .bind(id)
    .first<OrganismeRow>();
  if (!row) throw notFound("Organisme introuvable.");
  return row;
}

function filtersOf(query: Record<string, string>): EffectifFilters {
  return Object.fromEntries(EFFECTIF_FILTERS.filter((name) => query[name]).map((name) => [name, query[name]]));
}

const PAGE_SIZE_MAX = 200;
/** An export holds every row; past this, the organisme should filter first. */
const EXPORT_MAX = 50_000;

export const organismesRoutes = new Hono<AppEnv>()
  /** The dashboard card: identity, fiabilité, transmission state. */
  .get("/:id", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    const formateurs = (await visibleScope(c.env.DB, user, id)).length - 1;
    const row = await findOrganisme(c.env.DB, id);
    const fiabilite = computeFiabilite({ referentiel: Boolean(row.referentiel), ferme: Boolean(row.ferme) });
    const derniereTransmission = await c.env.DB.prepare(
      `SELECT received_at AS receivedAt, total, created, updated, unchanged, held, invalid FROM transmissions
        WHERE organisme_id = ? ORDER BY received_at DESC LIMIT 1`,
    )
      .bind(id)
      .first();
    return c.json({
      organisme: {
        ...row,
        ferme: Boolean(row.ferme),
        referentiel: Boolean(row.referentiel),
        fiabilite,
        formateurs,
        derniereTransmission,
      },
    });
  })
  /** The five counters at `date` (default: today in Paris) for the organisme and its formateurs. */
  .get("/:id/indicateurs", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    const organismeIds = await visibleScope(c.env.DB, user, id);
    const date = dateParam(c.req.query("date"));
    const indicateurs = await countIndicateurs(c.env.DB, organismeIds, date);
    return c.json({ date, anneeScolaire: anneeScolaireOf(date), indicateurs });
  })
  /** Mes effectifs: one page of rows, filtered per column. */
  .get("/:id/effectifs", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    const scope = await visibleScope(c.env.DB, user, id);
    const { page, taille: limit } = pageParams(c.req.query(), PAGE_SIZE_MAX);
    const result = await listEffectifs(c.env.DB, scope, {
      date: todayParis(),
      filters: filtersOf(c.req.query()),
      offset: (page - 1) * limit,
      limit,
    });
    return c.json({ page, taille: limit, ...result });
  })
  /** Every row (filtered), for "Télécharger le rapport complet"; the download is logged (SPEC §8). */
  .get("/:id/effectifs/export", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    const scope = await visibleScope(c.env.DB, user, id);
    const format = c.req.query("format") === "xlsx" ? "xlsx" : "csv";
    const result = await listEffectifs(c.env.DB, scope, {
      date: todayParis(),
      filters: filtersOf(c.req.query()),
      offset: 0,
      limit: EXPORT_MAX,
    });
    await logDownload(c.env.DB, { userId: user.id, organismeId: id, kind: `effectifs-${format}` });
    return c.json(result);
  })
  /** One dossier: its data, its parcours and its latest errors. */
  .get("/:id/effectifs/:effectifId", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    const scope = await visibleScope(c.env.DB, user, id);
    const row = await c.env.DB.prepare(
      `SELECT e.id, e.organisme_id AS organismeId, e.annee_scolaire AS anneeScolaire, e.id_erp_apprenant AS idErpApprenant,
              e.data, e.parcours, e.updated_at AS majLe, d.errors, d.outcome
         FROM effectifs e
         LEFT JOIN dossiers_recus d ON d.organisme_id = e.organisme_id AND d.identity = e.annee_scolaire || '|' || e.id_erp_apprenant
        WHERE e.id = ?`,
    )
      .bind(c.req.param("effectifId"))
      .first<{
        id: string;
        organismeId: string;
        anneeScolaire: string;
        idErpApprenant: string;
        data: string;
        parcours: string;
        majLe: string;
        errors: string | null;
        outcome: string | null;
      }>();
    if (!row || !scope.includes(row.organismeId)) throw notFound("Dossier introuvable.");
    return c.json({
      effectif: {
        id: row.id,
        organismeId: row.organismeId,
        anneeScolaire: row.anneeScolaire,
        idErpApprenant: row.idErpApprenant,
        majLe: row.majLe,
        dossier: JSON.parse(row.data),
        parcours: JSON.parse(row.parcours),
        erreurs: JSON.parse(row.errors ?? "[]"),
        invalide: row.outcome === "invalid",
      },
    });
  });
