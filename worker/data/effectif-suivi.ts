/** What the CFA's side of a Mission Locale follow-up reads of its effectifs (worker/api/suivi-cfa.ts). */
import { eq, inArray, sql } from "drizzle-orm";
import { effectifs, missionLocaleCommunes, missionsLocales, suivisMissionLocale } from "../../db/schema";
import type { EtatSuivi } from "../domain/missions-locales";
import type { Database } from "./db";

/** One effectif's home, parcours and age data. */
export const findEffectifPourSuivi = (db: Database, effectifId: string) =>
  db
    .select({
      id: effectifs.id,
      organismeId: effectifs.organismeId,
      commune: effectifs.communeApprenant,
      codePostal: effectifs.codePostalApprenant,
      dateDeNaissance: effectifs.dateDeNaissance,
      rqth: sql<number | null>`${effectifs.data} ->> '$.rqth_apprenant'`,
      parcours: effectifs.parcours,
    })
    .from(effectifs)
    .where(eq(effectifs.id, effectifId))
    .get();

/**
 * For a page of Mes effectifs: the Mission Locale covering each effectif ever in rupture, with its follow-up state
 * (null: not followed yet). One statement over the page's ids (at most a page).
 */
export async function missionsLocalesDesEffectifs(
  db: Database,
  effectifIds: string[],
): Promise<Map<string, { nom: string; etat: EtatSuivi | null }>> {
  if (effectifIds.length === 0) return new Map();
  const rows = await db
    .select({
      effectifId: effectifs.id,
      nom: sql<string>`min(${missionsLocales.nom})`,
      etat: sql<EtatSuivi | null>`max(${suivisMissionLocale.etat})`,
    })
    .from(effectifs)
    .innerJoin(
      missionLocaleCommunes,
      sql`(${effectifs.communeApprenant} = ${missionLocaleCommunes.codeInsee}
           OR (${effectifs.communeApprenant} IS NULL AND ${effectifs.codePostalApprenant} = ${missionLocaleCommunes.codePostal}))`,
    )
    .innerJoin(missionsLocales, eq(missionsLocales.id, missionLocaleCommunes.missionLocaleId))
    .leftJoin(
      suivisMissionLocale,
      sql`${suivisMissionLocale.effectifId} = ${effectifs.id} AND ${suivisMissionLocale.missionLocaleId} = ${missionsLocales.id}`,
    )
    .where(
      sql`${inArray(effectifs.id, sql`(SELECT value FROM json_each(${JSON.stringify(effectifIds)}))`)} AND ${effectifs.dateRupture} IS NOT NULL`,
    )
    .groupBy(effectifs.id)
    .all();
  return new Map(rows.map((r) => [r.effectifId, { nom: r.nom, etat: r.etat }]));
}
