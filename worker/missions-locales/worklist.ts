/** A Mission Locale's worklist at a date: its candidates read from D1, kept and shaped by the pure rules. */
import { candidatsRupture } from "../data/jeunes-en-rupture";
import type { Database } from "../data/db";
import { debutFenetre, jeuneOf } from "../domain/jeunes-en-rupture";
import type { JeuneEnRupture } from "../domain/missions-locales";

/** Every learner of the zone on one of the worklist's tabs at `today`, unsorted and unfiltered. */
export async function jeunesDeLaZone(db: Database, missionLocaleId: string, today: string): Promise<JeuneEnRupture[]> {
  const candidats = await candidatsRupture(db, missionLocaleId, debutFenetre(today));
  return candidats.flatMap((candidat) => jeuneOf(candidat, today) ?? []);
}
