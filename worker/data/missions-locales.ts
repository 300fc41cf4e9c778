/** The Missions Locales' référentiel and zones (tables missions_locales, mission_locale_communes). */
import { and, asc, eq, inArray, like, or, sql } from "drizzle-orm";
import { missionLocaleCommunes, missionsLocales } from "../../db/schema";
import type { MissionLocaleResume } from "../domain/missions-locales";
import type { Database } from "./db";

const MAX_RESULTS = 20;

const resume = {
  id: missionsLocales.id,
  nom: missionsLocales.nom,
  commune: missionsLocales.commune,
  codeDepartement: missionsLocales.codeDepartement,
  codeRegion: missionsLocales.codeRegion,
  telephone: missionsLocales.telephone,
  email: missionsLocales.email,
};

export const findMissionLocale = (db: Database, id: string): Promise<MissionLocaleResume | undefined> =>
  db.select(resume).from(missionsLocales).where(eq(missionsLocales.id, id)).get();

/** The sign-up's search: by name, commune or département code (at most 20, by name). */
export function searchMissionsLocales(db: Database, q: string): Promise<MissionLocaleResume[]> {
  const pattern = `%${q.replace(/[%_]/g, "")}%`;
  return db
    .select(resume)
    .from(missionsLocales)
    .where(
      or(
        like(missionsLocales.nom, pattern),
        like(missionsLocales.commune, pattern),
        eq(missionsLocales.codeDepartement, q),
      ),
    )
    .orderBy(asc(missionsLocales.nom))
    .limit(MAX_RESULTS)
    .all();
}

export const missionsLocalesOfRegion = (db: Database, codeRegion: string): Promise<MissionLocaleResume[]> =>
  db
    .select(resume)
    .from(missionsLocales)
    .where(eq(missionsLocales.codeRegion, codeRegion))
    .orderBy(asc(missionsLocales.nom))
    .all();

export const regionHasMissionsLocales = async (db: Database, codeRegion: string) =>
  (await db
    .select({ ok: sql`1` })
    .from(missionsLocales)
    .where(eq(missionsLocales.codeRegion, codeRegion))
    .limit(1)
    .get()) !== undefined;

/** The communes of a zone, by name (the worklist's commune filter). */
export const communesOfZone = (db: Database, missionLocaleId: string) =>
  db
    .selectDistinct({ code: missionLocaleCommunes.codeInsee, nom: missionLocaleCommunes.nom })
    .from(missionLocaleCommunes)
    .where(eq(missionLocaleCommunes.missionLocaleId, missionLocaleId))
    .orderBy(asc(missionLocaleCommunes.nom))
    .all();

export interface AdresseApprenant {
  commune: string | null;
  codePostal: string | null;
}

/**
 * The Missions Locales whose zone holds one of these learners' homes, with their région: by INSEE code, else by
 * postal code when the dossier has none (SPEC §10). One statement (on the push path: which worklists, and which
 * ARML's view, a push changed).
 */
export async function missionsLocalesOfAdresses(
  db: Database,
  adresses: AdresseApprenant[],
): Promise<{ id: string; codeRegion: string }[]> {
  const communes = [...new Set(adresses.flatMap((a) => (a.commune ? [a.commune] : [])))];
  const codesPostaux = [...new Set(adresses.flatMap((a) => (!a.commune && a.codePostal ? [a.codePostal] : [])))];
  if (communes.length === 0 && codesPostaux.length === 0) return [];
  return db
    .selectDistinct({ id: missionLocaleCommunes.missionLocaleId, codeRegion: missionsLocales.codeRegion })
    .from(missionLocaleCommunes)
    .innerJoin(missionsLocales, eq(missionsLocales.id, missionLocaleCommunes.missionLocaleId))
    .where(
      or(
        communes.length
          ? inArray(missionLocaleCommunes.codeInsee, sql`(SELECT value FROM json_each(${JSON.stringify(communes)}))`)
          : undefined,
        codesPostaux.length
          ? inArray(
              missionLocaleCommunes.codePostal,
              sql`(SELECT value FROM json_each(${JSON.stringify(codesPostaux)}))`,
            )
          : undefined,
      ),
    )
    .all();
}

/** The Mission Locale covering one learner's home (the first by name if zones overlap), or undefined. */
export async function missionLocaleOfAdresse(
  db: Database,
  adresse: AdresseApprenant,
): Promise<MissionLocaleResume | undefined> {
  const where = adresse.commune
    ? eq(missionLocaleCommunes.codeInsee, adresse.commune)
    : adresse.codePostal
      ? eq(missionLocaleCommunes.codePostal, adresse.codePostal)
      : undefined;
  if (!where) return undefined;
  return db
    .select(resume)
    .from(missionsLocales)
    .innerJoin(missionLocaleCommunes, and(eq(missionLocaleCommunes.missionLocaleId, missionsLocales.id), where))
    .orderBy(asc(missionsLocales.nom))
    .limit(1)
    .get();
}
