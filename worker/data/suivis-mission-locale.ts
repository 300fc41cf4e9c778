/** The follow-ups of learners in rupture and their history (tables suivis_mission_locale, suivi_evenements). */
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { suiviEvenements, suivisMissionLocale } from "../../db/schema";
import type { EtatSuivi, MotifSignalement, SuiviEvenement } from "../domain/missions-locales";
import type { Database } from "./db";

export type Suivi = typeof suivisMissionLocale.$inferSelect;

export const findSuivi = (db: Database, effectifId: string, missionLocaleId: string) =>
  db
    .select()
    .from(suivisMissionLocale)
    .where(
      and(eq(suivisMissionLocale.effectifId, effectifId), eq(suivisMissionLocale.missionLocaleId, missionLocaleId)),
    )
    .get();

/** The history of a follow-up, oldest first. */
export const historiqueSuivi = (db: Database, effectifId: string, missionLocaleId: string): Promise<SuiviEvenement[]> =>
  db
    .select({
      at: suiviEvenements.at,
      auteur: suiviEvenements.auteur,
      cote: suiviEvenements.cote,
      etat: sql<EtatSuivi | null>`${suiviEvenements.etat}`,
      recontacterLe: suiviEvenements.recontacterLe,
      motif: sql<MotifSignalement | null>`${suiviEvenements.motif}`,
      contactNom: suiviEvenements.contactNom,
      contactTelephone: suiviEvenements.contactTelephone,
      note: suiviEvenements.note,
    })
    .from(suiviEvenements)
    .where(and(eq(suiviEvenements.effectifId, effectifId), eq(suiviEvenements.missionLocaleId, missionLocaleId)))
    .orderBy(asc(suiviEvenements.at), asc(suiviEvenements.id))
    .all();

interface Auteur {
  userId: string;
  auteur: string;
}

/** The Mission Locale sets a follow-up's state: the state and its event, in one batch. */
export async function changeEtatSuivi(
  db: Database,
  change: Auteur & {
    effectifId: string;
    missionLocaleId: string;
    etat: EtatSuivi;
    recontacterLe: string | null;
    note: string | null;
    at: string;
  },
): Promise<void> {
  const { effectifId, missionLocaleId, etat, recontacterLe, at } = change;
  await db.batch([
    db
      .insert(suivisMissionLocale)
      .values({ effectifId, missionLocaleId, etat, recontacterLe, derniereActiviteAt: at })
      .onConflictDoUpdate({
        target: [suivisMissionLocale.effectifId, suivisMissionLocale.missionLocaleId],
        set: { etat, recontacterLe, derniereActiviteAt: at },
      }),
    db.insert(suiviEvenements).values({ ...change, cote: "mission_locale" }),
  ]);
}

/**
 * The CFA signals a learner (accompagnement conjoint): the follow-up is flagged (created "à traiter" if the Mission
 * Locale had none) and the signalement is an event of its history.
 */
export async function signalerSuivi(
  db: Database,
  signalement: Auteur & {
    effectifId: string;
    missionLocaleId: string;
    organismeId: string;
    motif: MotifSignalement;
    note: string | null;
    contactNom: string;
    contactTelephone: string;
    at: string;
  },
): Promise<void> {
  const { effectifId, missionLocaleId, organismeId, at } = signalement;
  await db.batch([
    db
      .insert(suivisMissionLocale)
      .values({
        effectifId,
        missionLocaleId,
        etat: "a_traiter",
        signaleAt: at,
        signaleParOrganismeId: organismeId,
        derniereActiviteAt: at,
      })
      .onConflictDoUpdate({
        target: [suivisMissionLocale.effectifId, suivisMissionLocale.missionLocaleId],
        set: { signaleAt: at, signaleParOrganismeId: organismeId, derniereActiviteAt: at },
      }),
    db.insert(suiviEvenements).values({
      effectifId,
      missionLocaleId,
      at,
      userId: signalement.userId,
      auteur: signalement.auteur,
      cote: "cfa",
      motif: signalement.motif,
      note: signalement.note,
      contactNom: signalement.contactNom,
      contactTelephone: signalement.contactTelephone,
    }),
  ]);
}

/** Follow-ups removed per statement by the daily purge: bounded, never one giant delete. */
export const PURGE_BATCH = 500;

/**
 * SPEC §10: follow-ups and their notes are deleted 12 months after their last activity. One bounded batch; returns
 * how many follow-ups it removed (the cron calls it until 0).
 */
export async function purgeSuivisInactifs(db: Database, before: string): Promise<number> {
  const old = await db
    .select({ effectifId: suivisMissionLocale.effectifId, missionLocaleId: suivisMissionLocale.missionLocaleId })
    .from(suivisMissionLocale)
    .where(lt(suivisMissionLocale.derniereActiviteAt, before))
    .limit(PURGE_BATCH)
    .all();
  if (old.length === 0) return 0;
  const keys = JSON.stringify(old.map((o) => [o.effectifId, o.missionLocaleId]));
  const pairs = sql`(SELECT value ->> '$[0]' FROM json_each(${keys}))`;
  await db.batch([
    db
      .delete(suiviEvenements)
      .where(
        and(
          inArray(suiviEvenements.effectifId, pairs),
          sql`(${suiviEvenements.effectifId}, ${suiviEvenements.missionLocaleId}) IN (SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(${keys}))`,
        ),
      ),
    db
      .delete(suivisMissionLocale)
      .where(
        sql`(${suivisMissionLocale.effectifId}, ${suivisMissionLocale.missionLocaleId}) IN (SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(${keys}))`,
      ),
  ]);
  return old.length;
}
