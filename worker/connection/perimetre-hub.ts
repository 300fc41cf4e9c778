import { database } from "../data/db";
import { missionsLocalesOfAdresses, type AdresseApprenant } from "../data/missions-locales";
import { perimetresOfOrganismes } from "../data/perimetres-organisme";
import type { Env } from "../env";

/** The PerimetreHub Durable Object of a perimeter (one per perimeter, named by its key: perimetreKey). */
export const perimetreHub = (env: Pick<Env, "PERIMETRE_HUB">, key: string) =>
  env.PERIMETRE_HUB.get(env.PERIMETRE_HUB.idFromName(key));

/**
 * Tells every perimeter containing these organismes (or their responsables) that they changed: one D1 query, then
 * one call per perimeter, in parallel. Failures are logged, not thrown: a territorial dashboard missing one update
 * loses no data, and catches up at the next one or at its next snapshot.
 */
export async function notifyPerimetres(env: Pick<Env, "DB" | "PERIMETRE_HUB">, organismeIds: string[]): Promise<void> {
  try {
    const perimetres = await perimetresOfOrganismes(database(env.DB), organismeIds);
    const results = await Promise.allSettled(
      [...perimetres].map(([key, ids]) => perimetreHub(env, key).organismesChanged(ids)),
    );
    for (const r of results) if (r.status === "rejected") console.error("notifyPerimetres", r.reason);
  } catch (error) {
    console.error("notifyPerimetres", error);
  }
}

/** The hub of a Mission Locale's worklist: a PerimetreHub too, coalescing the same way. */
export const missionLocaleHubKey = (missionLocaleId: string) => `mission-locale:${missionLocaleId}`;

/** The hub of an ARML's view: its région's Missions Locales' counters, told whenever one of their worklists is. */
export const armlHubKey = (codeRegion: string) => `arml:${codeRegion}`;

/** A learner in rupture just written, and its CFA. */
export type RuptureEcrite = AdresseApprenant & { organismeId: string };

/**
 * Tells the Missions Locales whose zone holds these learners' homes that their worklist changed, and the ARML of
 * their régions (one D1 query only when the push wrote learners in rupture). Logged, not thrown, like
 * notifyPerimetres.
 */
export async function notifyMissionsLocales(env: Pick<Env, "DB" | "PERIMETRE_HUB">, ruptures: RuptureEcrite[]) {
  if (ruptures.length === 0) return;
  try {
    const missionsLocales = await missionsLocalesOfAdresses(database(env.DB), ruptures);
    const organismeIds = [...new Set(ruptures.map((r) => r.organismeId))];
    const keys = [
      ...missionsLocales.map(({ id }) => missionLocaleHubKey(id)),
      ...new Set(missionsLocales.map(({ codeRegion }) => armlHubKey(codeRegion))),
    ];
    const results = await Promise.allSettled(keys.map((key) => perimetreHub(env, key).organismesChanged(organismeIds)));
    for (const r of results) if (r.status === "rejected") console.error("notifyMissionsLocales", r.reason);
  } catch (error) {
    console.error("notifyMissionsLocales", error);
  }
}
