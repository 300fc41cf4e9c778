/**
 * The CFA's side of a Mission Locale follow-up (SPEC §10), under the access middleware of /api/organismes/:id/*:
 * which Mission Locale covers a learner in rupture and where its follow-up stands, and the signalement
 * (accompagnement conjoint) that puts the learner at the top of the Mission Locale's list, flagged.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { badRequest, notFound } from "../lib/errors";
import { requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database } from "../data/db";
import { findEffectifPourSuivi } from "../data/effectif-suivi";
import { missionLocaleOfAdresse } from "../data/missions-locales";
import { findSuivi, historiqueSuivi, signalerSuivi } from "../data/suivis-mission-locale";
import { displayName } from "../connection/hub";
import { missionLocaleHubKey, perimetreHub } from "../connection/perimetre-hub";
import { todayParis } from "../domain/dates";
import {
  accompagnable,
  ageAt,
  MOTIFS_SIGNALEMENT,
  NOTE_MAX,
  situationRupture,
  type SuiviCoteCfa,
} from "../domain/missions-locales";
import type { ParcoursEntry } from "../domain/parcours";

const cfaNom = (fiche: { enseigne: string | null; raisonSociale: string }) => fiche.enseigne || fiche.raisonSociale;

const effectifParam = z.object({ effectifId: z.string().min(1).max(100) });

/** The learner (in the organisme's scope, else 404), its Mission Locale and where it stands today. */
async function suiviOf(c: Context<AppEnv>, effectifId: string) {
  const db = database(c.env.DB);
  const effectif = await findEffectifPourSuivi(db, effectifId);
  if (!effectif || !c.var.organisme.scope.includes(effectif.organismeId)) throw notFound("Dossier introuvable.");
  const today = todayParis();
  const missionLocale = (await missionLocaleOfAdresse(db, effectif)) ?? null;
  const situation = situationRupture(JSON.parse(effectif.parcours) as ParcoursEntry[], today);
  const suivi = missionLocale ? await findSuivi(db, effectifId, missionLocale.id) : undefined;
  const view: SuiviCoteCfa = {
    missionLocale,
    situation,
    etat: (suivi?.etat as SuiviCoteCfa["etat"]) ?? null,
    recontacterLe: suivi?.recontacterLe ?? null,
    signaleAt: suivi?.signaleAt ?? null,
    historique: missionLocale ? await historiqueSuivi(db, effectifId, missionLocale.id) : [],
  };
  const accompagne =
    !!effectif.dateDeNaissance && accompagnable(ageAt(effectif.dateDeNaissance, today), effectif.rqth === 1);
  return { effectif, view, accompagne };
}

const texte = (label: string, max: number) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, { error: `Indiquez ${label}.` })
    .max(max, { error: `Trop long (${max} caractères au plus).` });

const signalementSchema = z.object({
  motif: z.enum(MOTIFS_SIGNALEMENT, { error: "Choisissez le motif du signalement." }),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX, { error: `Le message est trop long (${NOTE_MAX} caractères au plus).` })
    .optional(),
  contactNom: texte("le nom de la personne à contacter au CFA", 100),
  contactTelephone: texte("le téléphone de la personne à contacter", 30).refine(
    (t) => /^\+?[0-9 .()-]{6,}$/.test(t),
    "Numéro de téléphone invalide.",
  ),
});

export const suiviCfaRoutes = new Hono<AppEnv>()
  .get("/:id/effectifs/:effectifId/mission-locale", validate("param", effectifParam), async (c) => {
    requireNominatif(c);
    requireActiveUser(c);
    const { view } = await suiviOf(c, c.req.valid("param").effectifId);
    return c.json(view satisfies SuiviCoteCfa);
  })
  .post(
    "/:id/effectifs/:effectifId/mission-locale/signalement",
    validate("param", effectifParam),
    validate("json", signalementSchema),
    async (c) => {
      requireNominatif(c);
      const user = requireActiveUser(c);
      const { effectifId } = c.req.valid("param");
      const body = c.req.valid("json");
      const { effectif, view, accompagne } = await suiviOf(c, effectifId);
      if (!view.missionLocale) throw badRequest("Aucune Mission Locale ne couvre la commune de résidence de ce jeune.");
      if (!view.situation || view.situation.onglet === "nouveau_contrat")
        throw badRequest("Seul un jeune en rupture de contrat (ou sorti après une rupture) peut être signalé.");
      if (!accompagne)
        throw badRequest(
          "Les Missions Locales accompagnent les jeunes de 16 à 25 ans, ou reconnus travailleurs handicapés.",
        );
      await signalerSuivi(database(c.env.DB), {
        effectifId,
        missionLocaleId: view.missionLocale.id,
        organismeId: effectif.organismeId,
        motif: body.motif,
        note: body.note || null,
        contactNom: body.contactNom,
        contactTelephone: body.contactTelephone,
        userId: user.id,
        auteur: `${displayName(user)} (${cfaNom(await c.var.organisme.fiche())})`,
        at: new Date().toISOString(),
      });
      await perimetreHub(c.env, missionLocaleHubKey(view.missionLocale.id)).organismesChanged([effectif.organismeId]);
      return c.json((await suiviOf(c, effectifId)).view satisfies SuiviCoteCfa);
    },
  );
