import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import {
  ERP_AUCUN,
  ERP_AUTRE,
  type AbandonResponse,
  type AuditResponse,
  type CleGeneree,
  type ConfirmationResponse,
  type ModeTransmission,
  type TransmissionView,
} from "../domain/transmission-view";
import { database } from "../data/db";
import { listAudit, insertAudit } from "../data/audit-log";
import { listErps } from "../data/erps";
import { countHeld } from "../data/dossiers-recus";
import { findOrganismesByIdentifiants } from "../data/referentiel";
import { updateTransmissionSettings, type Organisme } from "../data/organismes";
import { badRequest, conflict } from "../lib/errors";
import { requireNominatif, requireParametrage } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { displayName, organismeHub } from "../connection/hub";
import { applyHeldDossiers, discardHeldDossiers } from "../ingestion/held";
import { connectionPourLecture } from "../domain/connection-state";

async function transmissionView(c: Context<AppEnv>, organisme: Organisme): Promise<TransmissionView> {
  const db = database(c.env.DB);
  const [erps, connection, dossiersEnAttente] = await Promise.all([
    listErps(db),
    organismeHub(c.env, organisme.id).getConnection(organisme.id),
    countHeld(db, organisme.id),
  ]);
  const declare = connection.installation;
  const autreCouple =
    declare !== null &&
    ((declare.uai !== null && declare.uai !== organisme.uai) ||
      (declare.siret !== null && declare.siret !== organisme.siret));
  const [nomme] = autreCouple
    ? await findOrganismesByIdentifiants(db, { uai: declare.uai ?? undefined, siret: declare.siret ?? undefined })
    : [];
  const choisi = erps.find((e) => e.id === organisme.erp);
  const erpLabel = organisme.erp === ERP_AUTRE ? organisme.erpAutre : (choisi?.label ?? null);
  return {
    organisme: {
      id: organisme.id,
      raisonSociale: organisme.raisonSociale,
      enseigne: organisme.enseigne,
      uai: organisme.uai,
      siret: organisme.siret,
      lastTransmissionAt: organisme.lastTransmissionAt,
      dossiersEnAttente,
    },
    settings: {
      erp: organisme.erp,
      erpLabel,
      erpDesactive: choisi?.actif === false,
      modeTransmission: organisme.modeTransmission,
      configuredAt: organisme.configuredAt,
      configuredBy: c.var.organisme.nominatif ? organisme.configuredBy : null,
    },
    erps: erps.filter((e) => e.actif),
    organismeDeclare: autreCouple ? (nomme?.raisonSociale ?? null) : null,
    connection: c.var.organisme.nominatif ? connection : connectionPourLecture(connection),
    canConfigure: c.var.organisme.parametrage,
    membre: c.var.organisme.droit === "configuration" && !c.var.organisme.parametrage,
  };
}

/**
 * The routes that change the transmission: the administrateurs of its organisation and administrators only (a membre
 * reads Paramètres), checked before the body.
 */
const configuration = createMiddleware<AppEnv>(async (c, next) => {
  requireParametrage(c);
  await next();
});

/** The user changing the organisme's transmission (the access middleware required an active one), and the organisme. */
const configuringUser = async (c: Context<AppEnv>) => ({
  user: requireActiveUser(c),
  organisme: await c.var.organisme.fiche(),
});

const actorOf = (user: SessionUser) => ({ userId: user.id, name: displayName(user) });

const erpChoiceSchema = z.object({
  erp: z
    .string({ error: "Sélectionnez votre ERP ou outil de gestion utilisé." })
    .trim()
    .min(1, "Sélectionnez votre ERP ou outil de gestion utilisé."),
  erpAutre: z.string().trim().max(100, "Le nom de l'ERP est trop long (100 caractères au plus).").optional(),
});

export const transmissionRoutes = new Hono<AppEnv>()
  .get("/:id/transmission", async (c) =>
    c.json((await transmissionView(c, await c.var.organisme.fiche())) satisfies TransmissionView),
  )

  /** Step 1: the ERP (or "autre" with its name, or "aucun" for Excel). Manual modes are configured at once. */
  .post("/:id/transmission/erp", configuration, validate("json", erpChoiceSchema), async (c) => {
    const { user, organisme } = await configuringUser(c);
    const choice = c.req.valid("json");
    const { erp } = choice;
    const db = database(c.env.DB);
    const connection = await organismeHub(c.env, organisme.id).getConnection(organisme.id);
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
      erpAutre = choice.erpAutre ?? "";
      if (!erpAutre) throw badRequest("Indiquez le nom de votre ERP.");
      mode = "manuel";
      detail = `ERP choisi : ${erpAutre} (non interfacé) — transmission par fichier Excel.`;
    } else {
      const option = (await listErps(db)).find((e) => e.id === erp);
      if (!option) throw badRequest("Cet ERP ne fait pas partie de la liste.");
      if (!option.actif) throw badRequest("Cet ERP n'est plus proposé : choisissez-en un autre.");
      mode = option.apiKeySupport ? "api" : "manuel";
      detail = option.apiKeySupport
        ? `ERP choisi : ${option.label}.`
        : `ERP choisi : ${option.label} (non interfacé) — transmission par fichier Excel.`;
    }
    const at = new Date().toISOString();
    // A manual mode needs no further step: it is configured now. The key flow is configured on confirmation.
    const configured = mode === "manuel";
    const [[updated]] = await db.batch([
      updateTransmissionSettings(
        db,
        organisme.id,
        {
          erp: erp === ERP_AUCUN ? null : erp,
          erpAutre,
          modeTransmission: mode,
          configuredAt: configured ? at : null,
          configuredBy: configured ? displayName(user) : null,
        },
        at,
      ),
      insertAudit(db, {
        organismeId: organisme.id,
        userId: user.id,
        actor: displayName(user),
        action: "erp_chosen",
        detail,
        at,
      }),
    ]);
    await organismeHub(c.env, organisme.id).announce(organisme.id);
    return c.json((await transmissionView(c, updated)) satisfies TransmissionView);
  })

  /** Step 2: a new clé d'échange, shown once (the previous one is revoked at once). */
  .post("/:id/transmission/cle", configuration, async (c) => {
    const { user, organisme } = await configuringUser(c);
    if (organisme.modeTransmission !== "api")
      throw conflict("Choisissez d'abord un ERP compatible avec la clé d'échange.");
    const result = await organismeHub(c.env, organisme.id).generateKey({
      organismeId: organisme.id,
      actor: actorOf(user),
    });
    if (!result.ok) throw conflict(result.message);
    c.header("Cache-Control", "no-store");
    return c.json({ key: result.key, connection: result.connection } satisfies CleGeneree);
  })

  .post("/:id/transmission/confirmer", configuration, async (c) => {
    const { user, organisme } = await configuringUser(c);
    const result = await organismeHub(c.env, organisme.id).confirm({ organismeId: organisme.id, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { applied } = result.connection.key
      ? await applyHeldDossiers(c.env, organisme.id, result.connection.key.id)
      : { applied: 0 };
    return c.json({ connection: result.connection, applied } satisfies ConfirmationResponse);
  })

  .post("/:id/transmission/refuser", configuration, async (c) => {
    const { user, organisme } = await configuringUser(c);
    const result = await organismeHub(c.env, organisme.id).refuse({ organismeId: organisme.id, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { discarded } = await discardHeldDossiers(c.env, organisme.id);
    return c.json({ connection: result.connection, discarded } satisfies AbandonResponse);
  })

  /** Clears the configuration (ERP choice, keys) so that the procedure can start again; also "Revenir en arrière". */
  .post("/:id/transmission/reinitialiser", configuration, async (c) => {
    const { user, organisme } = await configuringUser(c);
    const result = await organismeHub(c.env, organisme.id).reset({ organismeId: organisme.id, actor: actorOf(user) });
    if (!result.ok) throw conflict(result.message);
    const { discarded } = await discardHeldDossiers(c.env, organisme.id);
    return c.json({ connection: result.connection, discarded } satisfies AbandonResponse);
  })

  /** Who did what: it names the organisme's users, so not for a perimeter's read-only view. */
  .get("/:id/audit", async (c) => {
    requireNominatif(c);
    return c.json({ entries: await listAudit(database(c.env.DB), c.var.organisme.id) } satisfies AuditResponse);
  });
