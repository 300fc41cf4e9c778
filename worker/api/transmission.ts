import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import {
  ERP_AUCUN,
  ERP_AUTRE,
  type AuditView,
  type ErpOption,
  type ModeTransmission,
  type TransmissionView,
} from "../domain/transmission-view";
import { auditStatement } from "../lib/audit";
import { badRequest, conflict, notFound } from "../lib/errors";
import { assertCanConfigureOrganisme, assertCanSeeOrganisme } from "../lib/permissions";
import { requireActiveUser } from "../lib/session";
import { displayName, organismeHub } from "../connection/hub";
import { applyHeldDossiers, discardHeldDossiers } from "../ingestion/held";

interface OrganismeRow {
  id: string;
  raisonSociale: string;
  enseigne: string | null;
  uai: string | null;
  siret: string;
  lastTransmissionAt: string | null;
  erp: string | null;
  erpAutre: string | null;
  modeTransmission: ModeTransmission | null;
  configuredAt: string | null;
  configuredBy: string | null;
}

async function findOrganisme(db: D1Database, id: string): Promise<OrganismeRow> {
  const row = await db
    .prepare(
      `SELECT id, raison_sociale AS raisonSociale, enseigne, uai, siret, last_transmission_at AS lastTransmissionAt, erp,
              erp_autre AS erpAutre, mode_transmission AS modeTransmission, configured_at AS configuredAt, configured_by AS configuredBy
         FROM organismes WHERE id = ?`,
    )
    .bind(id)
    .first<OrganismeRow>();
  if (!row) throw notFound("Organisme introuvable.");
  return row;
}

async function listErps(db: D1Database): Promise<ErpOption[]> {
  const { results } = await db
    .prepare("SELECT id, label, api_key_support AS apiKeySupport FROM erps ORDER BY ordre, label")
    .all<{ id: string; label: string; apiKeySupport: number }>();
  return results.map((e) => ({ ...e, apiKeySupport: Boolean(e.apiKeySupport) }));
}

function canConfigure(user: SessionUser, organismeId: string): boolean {
  try {
    assertCanConfigureOrganisme(user, organismeId);
    return true;
  } catch {
    return false;
  }
}

async function transmissionView(c: Context<AppEnv>, user: SessionUser, organismeId: string): Promise<TransmissionView> {
  const [organisme, erps, connection] = await Promise.all([
    findOrganisme(c.env.DB, organismeId),
    listErps(c.env.DB),
    organismeHub(c.env, organismeId).getConnection(organismeId),
  ]);
  const erpLabel =
    organisme.erp === ERP_AUTRE ? organisme.erpAutre : (erps.find((e) => e.id === organisme.erp)?.label ?? null);
  return {
    organisme: {
      id: organisme.id,
      raisonSociale: organisme.raisonSociale,
      enseigne: organisme.enseigne,
      uai: organisme.uai,
      siret: organisme.siret,
      lastTransmissionAt: organisme.lastTransmissionAt,
    },
    settings: {
      erp: organisme.erp,
      erpLabel,
      modeTransmission: organisme.modeTransmission,
      configuredAt: organisme.configuredAt,
      configuredBy: organisme.configuredBy,
    },
    erps,
    connection,
    canConfigure: canConfigure(user, organismeId),
  };
}

/** The user allowed to change the organisme's transmission, after checking the organisme exists. */
async function configuringUser(c: Context<AppEnv>, organismeId: string): Promise<SessionUser> {
  const user = requireActiveUser(c);
  assertCanConfigureOrganisme(user, organismeId);
  await findOrganisme(c.env.DB, organismeId);
  return user;
}

const actorOf = (user: SessionUser) => ({ userId: user.id, name: displayName(user) });

const erpChoiceSchema = z.object({
  erp: z
    .string({ error: "Sélectionnez votre ERP ou outil de gestion utilisé." })
    .trim()
    .min(1, "Sélectionnez votre ERP ou outil de gestion utilisé."),
  erpAutre: z.string().trim().max(100, "Le nom de l'ERP est trop long (100 caractères au plus).").optional(),
});

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest("Le corps de la requête doit être du JSON.");
  }
}

export const transmissionRoutes = new Hono<AppEnv>()
  .get("/:id/transmission", async (c) => {
    const user = requireActiveUser(c);
    const organismeId = c.req.param("id");
    assertCanSeeOrganisme(user, organismeId);
    return c.json(await transmissionView(c, user, organismeId));
  })

  /** Step 1: the ERP (or "autre" with its name, or "aucun" for Excel). Manual modes are configured at once. */
  .post("/:id/transmission/erp", async (c) => {
    const organismeId = c.req.param("id");
    const user = await configuringUser(c, organismeId);
    const parsed = erpChoiceSchema.safeParse(await readJson(c));
    if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "Choix d'ERP invalide.");
    const { erp } = parsed.data;
    const connection = await organismeHub(c.env, organismeId).getConnection(organismeId);
    if (connection.status === "confirmed") {
      throw conflict(
        "Votre moyen de transmission est déjà paramétré : réinitialisez votre configuration pour changer d'ERP.",
      );
    }
    if (connection.status === "key_generated" || connection.status === "installed") {
      throw conflict("Une clé d'échange est en cours d'installation : revenez en arrière pour changer d'ERP.");
    }
    let mode: ModeTransmission;
    let erpAutre: string | null = null;
    let detail: string;
    if (erp === ERP_AUCUN) {
      mode = "manuel";
      detail = "Transmission par fichier Excel (sans ERP).";
    } else if (erp === ERP_AUTRE) {
      erpAutre = parsed.data.erpAutre ?? "";
      if (!erpAutre) throw badRequest("Indiquez le nom de votre ERP.");
      mode = "manuel";
      detail = `ERP choisi : ${erpAutre} (non interfacé) — transmission par fichier Excel.`;
    } else {
      const option = (await listErps(c.env.DB)).find((e) => e.id === erp);
      if (!option) throw badRequest("Cet ERP ne fait pas partie de la liste.");
      mode = option.apiKeySupport ? "api" : "manuel";
      detail = option.apiKeySupport
        ? `ERP choisi : ${option.label}.`
        : `ERP choisi : ${option.label} (non interfacé) — transmission par fichier Excel.`;
    }
    const at = new Date().toISOString();
    // A manual mode needs no further step: it is configured now. The key flow is configured on confirmation.
    const configured = mode === "manuel";
    await c.env.DB.batch([
      c.env.DB.prepare(
        `UPDATE organismes SET erp = ?, erp_autre = ?, mode_transmission = ?, configured_at = ?, configured_by = ?, updated_at = ?
          WHERE id = ?`,
      ).bind(
        erp === ERP_AUCUN ? null : erp,
        erpAutre,
        mode,
        configured ? at : null,
        configured ? displayName(user) : null,
        at,
        organismeId,
      ),
      auditStatement(c.env.DB, {
        organismeId,
        userId: user.id,
        actor: displayName(user),
        action: "erp_chosen",
        detail,
        at,
      }),
    ]);
    await organismeHub(c.env, organismeId).announce(organismeId);
    return c.json(await transmissionView(c, user, organismeId));
  })

  /** Step 2: a new clé d'échange, shown once (the previous one is revoked at once). */
  .post("/:id/transmission/cle", async (c) => {
    const organismeId = c.req.param("id");
    const user = await configuringUser(c, organismeId);
    const organisme = await findOrganisme(c.env.DB, organismeId);
    if (organisme.modeTransmission !== "api")
      throw conflict("Choisissez d'abord un ERP compatible avec la clé d'échange.");
    const result = await organismeHub(c.env, organismeId).generateKey({ organismeId, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    c.header("Cache-Control", "no-store");
    return c.json({ key: result.key, connection: result.connection });
  })

  .post("/:id/transmission/confirmer", async (c) => {
    const organismeId = c.req.param("id");
    const user = await configuringUser(c, organismeId);
    const result = await organismeHub(c.env, organismeId).confirm({ organismeId, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { applied } = result.connection.key
      ? await applyHeldDossiers(c.env, organismeId, result.connection.key.id)
      : { applied: 0 };
    return c.json({ connection: result.connection, applied });
  })

  .post("/:id/transmission/refuser", async (c) => {
    const organismeId = c.req.param("id");
    const user = await configuringUser(c, organismeId);
    const result = await organismeHub(c.env, organismeId).refuse({ organismeId, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { discarded } = await discardHeldDossiers(c.env, organismeId);
    return c.json({ connection: result.connection, discarded });
  })

  /** Clears the configuration (ERP choice, keys) so that the procedure can start again; also "Revenir en arrière". */
  .post("/:id/transmission/reinitialiser", async (c) => {
    const organismeId = c.req.param("id");
    const user = await configuringUser(c, organismeId);
    const result = await organismeHub(c.env, organismeId).reset({ organismeId, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { discarded } = await discardHeldDossiers(c.env, organismeId);
    return c.json({ connection: result.connection, discarded });
  })

  .get("/:id/audit", async (c) => {
    const user = requireActiveUser(c);
    const organismeId = c.req.param("id");
    assertCanSeeOrganisme(user, organismeId);
    const { results } = await c.env.DB.prepare(
      "SELECT id, at, actor, action, detail FROM audit_log WHERE organisme_id = ? ORDER BY at DESC, id DESC LIMIT 200",
    )
      .bind(organismeId)
      .all<AuditView>();
    return c.json({ entries: results });
  });
