/** What the CFA's side of a Mission Locale follow-up reads of its effectifs (worker/api/suivi-cfa.ts). */
import { eq, sql } from "drizzle-orm";
import { effectifs } from "../../db/schema";
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
