/**
 * A Mission Locale's side (SPEC §10), for the users of a MISSION_LOCALE organisation only: its dashboard counters,
 * the worklist "Jeunes en rupture" (every page and every export logged), a learner's contact details and history
 * (logged), the follow-up state changes, and the live socket of its worklist.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { badRequest, forbidden, notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { logConsultation, logNominativeAccess } from "../data/downloads-log";
import { candidatRupture } from "../data/jeunes-en-rupture";
import { communesOfZone, findMissionLocale } from "../data/missions-locales";
import { changeEtatSuivi, findSuivi, historiqueSuivi } from "../data/suivis-mission-locale";
import { displayName, organismeHub } from "../connection/hub";
import { armlHubKey, missionLocaleHubKey, perimetreHub } from "../connection/perimetre-hub";
import { notifySuiviChange } from "../missions-locales/notifications";
import { jeunesDeLaZone } from "../missions-locales/worklist";
import { todayParis } from "../domain/dates";
import {
  compterEtats,
  compterOnglets,
  debutFenetre,
  filtrerJeunes,
  jeuneOf,
  trierJeunes,
} from "../domain/jeunes-en-rupture";
import {
  ETATS_SUIVI,
  NOTE_MAX,
  ONGLETS_RUPTURE,
  type JeuneEnRuptureDetail,
  type JeunesEnRuptureExport,
  type JeunesEnRupturePage,
  type MissionLocaleResume,
  type MissionLocaleTableau,
} from "../domain/missions-locales";
import { dateQuery, pageQuery } from "../domain/query-schemas";
import { LISTE_EXPORT_MAX } from "./liste-query";
import { upgradeToPerimetreHub } from "./perimetre-live";

export const missionLocaleRoutes = new Hono<AppEnv>();

async function requireMissionLocale(c: Context<AppEnv>): Promise<{ user: SessionUser; ml: MissionLocaleResume }> {
  const user = requireActiveUser(c);
  if (user.organisationType !== "MISSION_LOCALE" || !user.missionLocaleId)
    throw forbidden("Cette page est réservée aux Missions Locales.");
  const ml = await findMissionLocale(database(c.env.DB), user.missionLocaleId);
  if (!ml) throw forbidden("Votre Mission Locale n'existe plus dans le référentiel.");
  return { user, ml };
}

const oui = z
  .enum(["1", "true", "oui"], { error: "Valeur attendue : 1." })
  .transform(() => true)
  .optional();
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const listeQuery = z
  .object({
    onglet: z
      .enum(ONGLETS_RUPTURE, { error: "Onglet inconnu (attendu : rupturants, nouveau_contrat ou abandons)." })
      .default("rupturants"),
    etat: blank(z.enum(ETATS_SUIVI, { error: "État de suivi inconnu." }).optional()),
    commune: blank(z.string().max(5).optional()),
    cfa: blank(z.string().max(100).optional()),
    rqth: oui,
    mineur: oui,
    q: blank(z.string().max(100, { error: "Recherche trop longue (100 caractères au plus)." }).optional()),
    export: z.enum(["csv", "xlsx"], { error: "Format d'export inconnu (attendu : csv ou xlsx)." }).optional(),
  })
  .extend(pageQuery(200).shape);

missionLocaleRoutes.get("/resume", async (c) => {
  const { ml } = await requireMissionLocale(c);
  const today = todayParis();
  const jeunes = await jeunesDeLaZone(database(c.env.DB), ml.id, today);
  const rupturants = jeunes.filter((j) => j.onglet === "rupturants");
  return c.json({
    missionLocale: ml,
    aujourdhui: today,
    onglets: compterOnglets(jeunes),
    etats: compterEtats(jeunes),
    signales: rupturants.filter((j) => j.signaleAt).length,
    aRecontacterAujourdhui: rupturants.filter(
      (j) => j.etat === "a_recontacter" && j.recontacterLe !== null && j.recontacterLe <= today,
    ).length,
  } satisfies MissionLocaleTableau);
});

missionLocaleRoutes.get("/jeunes", validate("query", listeQuery), async (c) => {
  const { user, ml } = await requireMissionLocale(c);
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  const today = todayParis();
  const jeunes = await jeunesDeLaZone(db, ml.id, today);
  const retenus = trierJeunes(filtrerJeunes(jeunes, query));
  const cible = JSON.stringify({ ...query, page: undefined, taille: undefined, export: undefined });

  if (query.export) {
    if (retenus.length > LISTE_EXPORT_MAX)
      throw badRequest(`La liste compte plus de ${LISTE_EXPORT_MAX} jeunes : affinez les filtres avant de l'exporter.`);
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: null,
      kind: `mission-locale-${query.export}`,
      rows: retenus.length,
      cible,
    });
    return c.json({ onglet: query.onglet, jeunes: retenus } satisfies JeunesEnRuptureExport);
  }

  const pages = Math.max(1, Math.ceil(retenus.length / query.taille));
  const page = Math.min(query.page, pages);
  const lignes = retenus.slice((page - 1) * query.taille, page * query.taille);
  if (lignes.length > 0)
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: null,
      kind: "mission-locale-page",
      rows: lignes.length,
      cible,
    });
  const cfas = new Map(jeunes.map((j) => [j.cfa.id, j.cfa.nom]));
  return c.json({
    missionLocale: ml,
    onglet: query.onglet,
    aujourdhui: today,
    onglets: compterOnglets(jeunes),
    etats: compterEtats(jeunes),
    total: retenus.length,
    page,
    pages,
    taille: query.taille,
    jeunes: lignes,
    communes: await communesOfZone(db, ml.id),
    cfas: [...cfas].map(([id, nom]) => ({ id, nom })).sort((a, b) => a.nom.localeCompare(b.nom)),
  } satisfies JeunesEnRupturePage);
});

/** One learner of the zone at today, or a 404 that does not tell whether it exists elsewhere. */
async function jeuneDeLaZone(c: Context<AppEnv>, missionLocaleId: string, effectifId: string) {
  const today = todayParis();
  const candidat = await candidatRupture(database(c.env.DB), missionLocaleId, debutFenetre(today), effectifId);
  const jeune = candidat && jeuneOf(candidat, today);
  if (!jeune) throw notFound("Ce jeune n'est pas dans la liste de votre Mission Locale.");
  return jeune;
}

const effectifParam = z.object({ effectifId: z.string().min(1).max(100) });

missionLocaleRoutes.get("/jeunes/:effectifId", validate("param", effectifParam), async (c) => {
  const { user, ml } = await requireMissionLocale(c);
  const { effectifId } = c.req.valid("param");
  const jeune = await jeuneDeLaZone(c, ml.id, effectifId);
  const db = database(c.env.DB);
  await logConsultation(db, {
    userId: user.id,
    organismeId: jeune.cfa.id,
    kind: "mission-locale-contact",
    cible: effectifId,
  });
  return c.json({ jeune, historique: await historiqueSuivi(db, effectifId, ml.id) } satisfies JeuneEnRuptureDetail);
});

const changementSchema = z
  .object({
    etat: z.enum(ETATS_SUIVI, { error: "Choisissez l'état du suivi." }),
    recontacterLe: dateQuery.optional(),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, { error: `La note est trop longue (${NOTE_MAX} caractères au plus).` })
      .optional(),
  })
  .refine((b) => b.etat !== "a_recontacter" || b.recontacterLe, {
    error: "Indiquez la date à laquelle recontacter le jeune.",
    path: ["recontacterLe"],
  });

missionLocaleRoutes.post(
  "/jeunes/:effectifId/suivi",
  validate("param", effectifParam),
  validate("json", changementSchema),
  async (c) => {
    const { user, ml } = await requireMissionLocale(c);
    const { effectifId } = c.req.valid("param");
    const body = c.req.valid("json");
    const jeune = await jeuneDeLaZone(c, ml.id, effectifId);
    const db = database(c.env.DB);
    const avant = await findSuivi(db, effectifId, ml.id);
    await changeEtatSuivi(db, {
      effectifId,
      missionLocaleId: ml.id,
      etat: body.etat,
      recontacterLe: body.etat === "a_recontacter" ? (body.recontacterLe ?? null) : null,
      note: body.note || null,
      userId: user.id,
      auteur: `${displayName(user)} (${ml.nom})`,
      at: new Date().toISOString(),
    });
    // The CFA that signalled the learner hears of the change (e-mail without personal data).
    if (avant?.signaleParOrganismeId && avant.etat !== body.etat)
      await notifySuiviChange(c.env, avant.signaleParOrganismeId, ml.nom);
    // Every side is live: the Mission Locale's open worklists, its ARML's view and the CFA's Mes effectifs.
    await Promise.all([
      perimetreHub(c.env, missionLocaleHubKey(ml.id)).organismesChanged([jeune.cfa.id]),
      perimetreHub(c.env, armlHubKey(ml.codeRegion)).organismesChanged([jeune.cfa.id]),
      organismeHub(c.env, jeune.cfa.id).notifyEffectifsChanged(),
    ]);
    return c.json({
      jeune: { ...jeune, etat: body.etat },
      historique: await historiqueSuivi(db, effectifId, ml.id),
    } satisfies JeuneEnRuptureDetail);
  },
);

/** The live socket of the worklist: its PerimetreHub, told by every push that touches the zone's ruptures. */
missionLocaleRoutes.get("/live", async (c) => {
  const { user, ml } = await requireMissionLocale(c);
  return upgradeToPerimetreHub(c, user, missionLocaleHubKey(ml.id));
});
