import { Hono } from "hono";
import type { AppEnv } from "../env";
import { badRequest, notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { assertCanSeeOrganisme } from "../lib/permissions";
import { countIndicateurs } from "../lib/indicateurs-query";
import { anneesScolairesAt } from "../domain/indicators";
import { computeFiabilite } from "../domain/fiabilite";

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** The organisme and its formateurs: what an organisme's counters include (SPEC §6). */
async function withFormateurs(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT formateur_id AS id FROM organisme_relations WHERE responsable_id = ?")
    .bind(id)
    .all<{ id: string }>();
  return [id, ...results.map((r) => r.id).filter((f) => f !== id)];
}

const todayParis = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

export const organismesRoutes = new Hono<AppEnv>()
  /** The dashboard card: identity, fiabilité, transmission state. */
  .get("/:id", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    await assertCanSeeOrganisme(c.env.DB, user, id);
    const row = await findOrganisme(c.env.DB, id);
    const formateurs = (await withFormateurs(c.env.DB, id)).length - 1;
    const fiabilite = computeFiabilite({ referentiel: Boolean(row.referentiel), ferme: Boolean(row.ferme) });
    const derniereTransmission = await c.env.DB.prepare(
      `SELECT received_at AS receivedAt, total, created, updated, unchanged, held, invalid FROM transmissions
        WHERE organisme_id = ? ORDER BY received_at DESC LIMIT 1`,
    )
      .bind(id)
      .first();
    return c.json({
      organisme: { ...row, ferme: Boolean(row.ferme), referentiel: Boolean(row.referentiel), fiabilite, formateurs, derniereTransmission },
    });
  })
  /** The five counters at `date` (default: today in Paris) for the organisme and its formateurs. */
  .get("/:id/indicateurs", async (c) => {
    const user = requireActiveUser(c);
    const id = c.req.param("id");
    await assertCanSeeOrganisme(c.env.DB, user, id);
    const date = c.req.query("date") ?? todayParis();
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) throw badRequest("Date invalide (format attendu : AAAA-MM-JJ).");
    const organismeIds = await withFormateurs(c.env.DB, id);
    const indicateurs = await countIndicateurs(c.env.DB, organismeIds, date);
    return c.json({ date, anneeScolaire: anneesScolairesAt(date).scolaire, indicateurs });
  });
