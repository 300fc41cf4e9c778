/**
 * The administration of the service (`/api/administration/*`), for administrators only: users (search, deactivate,
 * reactivate; validation and refusal are `/api/comptes`'), the organismes of the whole référentiel and the support
 * view of one (its reset and its key revoked through its OrganismeHub, as its own Paramètres do), the transmission
 * overview. Every change writes an audit row.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { displayName, organismeHub } from "../connection/hub";
import { closeLiveSessions } from "../connection/live-sessions";
import {
  deactivateUser,
  findUtilisateur,
  latestTransmissions,
  listKeys,
  reactivateUser,
  searchOrganismes,
  searchUtilisateurs,
  utilisateursOfOrganisme,
  vueTransmissions,
  type FiltresVue,
} from "../data/administration";
import { findCurrentKey, revokeKey } from "../data/api-keys";
import { insertAudit, listAudit } from "../data/audit-log";
import { database } from "../data/db";
import { listErps } from "../data/erps";
import { findOrganisme } from "../data/organismes";
import { isAdministrator } from "../domain/administrateur";
import {
  ETATS_PROCEDURE,
  type ActionSupportResponse,
  type OrganismeSupport,
  type OrganismesAdminResponse,
  type UtilisateursPage,
  type VueTransmissionsPage,
} from "../domain/administration";
import { computeFiabilite } from "../domain/fiabilite";
import { ERP_AUTRE } from "../domain/transmission-view";
import { pageQuery } from "../domain/query-schemas";
import { conflict, forbidden, notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { discardHeldDossiers } from "../ingestion/held";

/** Organismes answered by one search: past this, the administrator narrows it. */
export const ORGANISMES_PAR_RECHERCHE = 50;
/** The support view's latest pushes. */
const TRANSMISSIONS_SUPPORT = 20;
/** The overview's export holds every filtered organisme, up to this. */
const EXPORT_MAX = 50_000;
/** "N'a rien transmis depuis 30 jours". */
export const INACTIF_JOURS = 30;

/** Every route: an active administrator, checked before anything is read. */
const administrateur = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireActiveUser(c);
  if (!isAdministrator(user)) throw forbidden("Cette page est réservée aux administrateurs du service.");
  await next();
});

const actor = (user: SessionUser) => `${displayName(user)} (administration)`;

const idParam = validate("param", z.object({ id: z.string().min(1) }));

const utilisateursQuery = pageQuery(100).extend({
  q: z.string().trim().max(200, { error: "La recherche est trop longue (200 caractères au plus)." }).optional(),
  statut: z.enum(["pending", "active", "disabled"], { error: "Le statut n'est pas valide." }).optional(),
});

const organismesQuery = z.object({
  q: z
    .string({ error: "Indiquez un UAI, un SIRET ou un nom." })
    .trim()
    .min(2, { error: "Indiquez un UAI, un SIRET ou au moins 2 lettres du nom." })
    .max(200, { error: "La recherche est trop longue (200 caractères au plus)." }),
});

const vueQuery = pageQuery(200).extend({
  erp: z.string().trim().max(100).optional(),
  etat: z
    .enum(Object.keys(ETATS_PROCEDURE) as [keyof typeof ETATS_PROCEDURE], {
      error: "L'état de la procédure n'est pas valide.",
    })
    .optional(),
  mode: z.enum(["api", "manuel", "none"], { error: "Le mode de transmission n'est pas valide." }).optional(),
  region: z
    .string()
    .regex(/^\d{2,3}$/, { error: "Le code région n'est pas valide." })
    .optional(),
  inactif: z.enum(["0", "1"]).optional(),
  export: z.enum(["0", "1"]).optional(),
});

const userParam = async (c: Context<AppEnv>, id: string) => {
  const cible = await findUtilisateur(database(c.env.DB), id);
  if (!cible) throw notFound("Aucun utilisateur ne correspond.");
  return cible;
};

export const administrationRoutes = new Hono<AppEnv>()
  .use("*", administrateur)

  // ── Users ──────────────────────────────────────────────────────────────────────────────────────────────────────
  .get("/utilisateurs", validate("query", utilisateursQuery), async (c) => {
    const { q, statut, page, taille } = c.req.valid("query");
    const { utilisateurs, total } = await searchUtilisateurs(database(c.env.DB), { q, statut }, page, taille);
    return c.json({ utilisateurs, total, page, taille } satisfies UtilisateursPage);
  })

  /** The account can no longer log in; its sessions end and its live sockets close at once. */
  .post("/utilisateurs/:id/desactiver", idParam, async (c) => {
    const admin = requireActiveUser(c);
    const cible = await userParam(c, c.req.valid("param").id);
    if (cible.id === admin.id) throw conflict("Vous ne pouvez pas désactiver votre propre compte.");
    if (cible.status === "disabled") throw conflict("Ce compte est déjà désactivé.");
    const done = await deactivateUser(database(c.env.DB), cible.id, {
      organismeId: cible.organismeId,
      userId: admin.id,
      actor: actor(admin),
      action: "compte_desactive",
      detail: cible.email,
      at: new Date().toISOString(),
    });
    if (!done) throw conflict("Ce compte est déjà désactivé.");
    await closeLiveSessions(c.env, { userId: cible.id });
    return c.json({ utilisateur: (await findUtilisateur(database(c.env.DB), cible.id)) ?? null });
  })

  .post("/utilisateurs/:id/reactiver", idParam, async (c) => {
    const admin = requireActiveUser(c);
    const cible = await userParam(c, c.req.valid("param").id);
    if (cible.status !== "disabled") throw conflict("Ce compte n'est pas désactivé.");
    const done = await reactivateUser(database(c.env.DB), cible.id, admin.id, {
      organismeId: cible.organismeId,
      userId: admin.id,
      actor: actor(admin),
      action: "compte_reactive",
      detail: cible.email,
      at: new Date().toISOString(),
    });
    if (!done) throw conflict("Ce compte n'est pas désactivé.");
    return c.json({ utilisateur: (await findUtilisateur(database(c.env.DB), cible.id)) ?? null });
  })

  // ── Organismes ─────────────────────────────────────────────────────────────────────────────────────────────────
  .get("/organismes", validate("query", organismesQuery), async (c) => {
    const found = await searchOrganismes(database(c.env.DB), c.req.valid("query").q, ORGANISMES_PAR_RECHERCHE);
    return c.json(found satisfies OrganismesAdminResponse);
  })

  /** The support view: card, fiabilité, users, procedure (the hub's state) and its audit, keys, latest pushes. */
  .get("/organismes/:id", idParam, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const organisme = await findOrganisme(db, id);
    if (!organisme) throw notFound("Organisme introuvable.");
    const [utilisateurs, connection, audit, cles, pushes, erps] = await Promise.all([
      utilisateursOfOrganisme(db, id),
      organismeHub(c.env, id).getConnection(id),
      listAudit(db, id),
      listKeys(db, id),
      latestTransmissions(db, id, TRANSMISSIONS_SUPPORT),
      listErps(db),
    ]);
    const recus = pushes.reduce((n, t) => n + t.total, 0);
    const invalides = pushes.reduce((n, t) => n + t.invalid, 0);
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
        erpLabel:
          organisme.erp === ERP_AUTRE
            ? organisme.erpAutre
            : (erps.find((e) => e.id === organisme.erp)?.label ?? organisme.erp),
        modeTransmission: organisme.modeTransmission,
        configuredAt: organisme.configuredAt,
        configuredBy: organisme.configuredBy,
        lastTransmissionAt: organisme.lastTransmissionAt,
      },
      fiabilite: computeFiabilite(organisme),
      utilisateurs,
      connection,
      audit,
      cles,
      transmissions: pushes.map((t) => ({
        id: t.id,
        source: t.source,
        receivedAt: t.receivedAt,
        total: t.total,
        valides: t.created + t.updated + t.unchanged,
        held: t.held,
        invalid: t.invalid,
        tauxErreur: t.total ? t.invalid / t.total : 0,
      })),
      tauxErreur: recus ? invalides / recus : 0,
    } satisfies OrganismeSupport);
  })

  /** "Réinitialiser la configuration", as the OFA's own Paramètres do: every key revoked, the ERP choice cleared. */
  .post("/organismes/:id/reinitialiser", idParam, async (c) => {
    const admin = requireActiveUser(c);
    const { id } = c.req.valid("param");
    if (!(await findOrganisme(database(c.env.DB), id))) throw notFound("Organisme introuvable.");
    const result = await organismeHub(c.env, id).reset({
      organismeId: id,
      actor: { userId: admin.id, name: actor(admin) },
    });
    if (!result.ok) throw conflict(result.message);
    const { discarded } = await discardHeldDossiers(c.env, id);
    return c.json({
      connection: result.connection,
      message: `La configuration est réinitialisée${discarded ? ` ; ${discarded} dossier(s) en attente écarté(s)` : ""}.`,
    } satisfies ActionSupportResponse);
  })

  /**
   * "Révoquer la clé": the current key stops authenticating at once, what it pushed while waiting is discarded, and
   * the hub ends the procedure (the organisme starts again from a new key).
   */
  .post("/organismes/:id/revoquer-cle", idParam, async (c) => {
    const admin = requireActiveUser(c);
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    if (!(await findOrganisme(db, id))) throw notFound("Organisme introuvable.");
    const hub = organismeHub(c.env, id);
    // Read first: a hub never used yet takes its state from D1 while the key still stands.
    const before = await hub.getConnection(id);
    const key = (await findCurrentKey(db, id)) ?? null;
    if (!key) throw conflict("Cet organisme n'a pas de clé d'échange active.");
    const at = new Date().toISOString();
    await db.batch([
      revokeKey(db, key.id, at, "admin"),
      insertAudit(db, {
        organismeId: id,
        userId: admin.id,
        actor: actor(admin),
        action: "key_revoked",
        detail: `Clé d'échange ${key.prefix}… révoquée par l'administration.`,
        at,
      }),
    ]);
    await hub.keyRevoked({ organismeId: id, keyId: key.id });
    await discardHeldDossiers(c.env, id, { keyId: key.id });
    const connection = before.key?.id === key.id ? await hub.getConnection(id) : before;
    return c.json({
      connection,
      message: `La clé d'échange ${key.prefix}… est révoquée.`,
    } satisfies ActionSupportResponse);
  })

  // ── The transmission overview ──────────────────────────────────────────────────────────────────────────────────
  .get("/transmissions", validate("query", vueQuery), async (c) => {
    const query = c.req.valid("query");
    const db = database(c.env.DB);
    const filtres: FiltresVue = {
      erp: query.erp || undefined,
      etat: query.etat,
      mode: query.mode,
      region: query.region,
      inactifDepuis:
        query.inactif === "1" ? new Date(Date.now() - INACTIF_JOURS * 24 * 3600_000).toISOString() : undefined,
    };
    const exporting = query.export === "1";
    const page = exporting ? 1 : query.page;
    const taille = exporting ? EXPORT_MAX : query.taille;
    const [{ rows, total }, erps] = await Promise.all([vueTransmissions(db, filtres, page, taille), listErps(db)]);
    return c.json({
      organismes: rows.map(({ erpAutre, dernierPush, ...row }) => {
        const [invalid, count] = (dernierPush ?? "").split("/").map(Number);
        return {
          ...row,
          erpLabel: row.erp === ERP_AUTRE ? erpAutre : (erps.find((e) => e.id === row.erp)?.label ?? row.erp),
          partInvalides: dernierPush === null ? null : count ? invalid / count : 0,
        };
      }),
      erps: erps.map(({ id, label }) => ({ id, label })),
      total,
      page,
      taille,
    } satisfies VueTransmissionsPage);
  });
