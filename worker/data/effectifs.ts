/** One dossier of an organisme, as its detail shows it (Mes effectifs' list: effectifs-liste.ts). */
import { and, eq, sql } from "drizzle-orm";
import { dossiersRecus, effectifs } from "../../db/schema";
import type { DossierNormalise } from "../domain/dossier";
import type { EffectifListRow } from "../domain/effectifs-liste";
import type { ParcoursEntry } from "../domain/parcours";
import type { Database } from "./db";

/** One dossier as its detail shows it: its data, its parcours and its latest outcome and errors (cold path). */
export async function findDossier(db: Database, effectifId: string) {
  const row = await db
    .select({
      id: effectifs.id,
      organismeId: effectifs.organismeId,
      anneeScolaire: effectifs.anneeScolaire,
      idErpApprenant: effectifs.idErpApprenant,
      data: effectifs.data,
      parcours: effectifs.parcours,
      majLe: effectifs.updatedAt,
      source: effectifs.source,
      errors: dossiersRecus.errors,
      outcome: dossiersRecus.outcome,
    })
    .from(effectifs)
    .leftJoin(
      dossiersRecus,
      and(
        eq(dossiersRecus.organismeId, effectifs.organismeId),
        eq(dossiersRecus.identity, sql`${effectifs.anneeScolaire} || '|' || ${effectifs.idErpApprenant}`),
      ),
    )
    .where(eq(effectifs.id, effectifId))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    organismeId: row.organismeId,
    anneeScolaire: row.anneeScolaire,
    idErpApprenant: row.idErpApprenant,
    majLe: row.majLe,
    dossier: JSON.parse(row.data) as DossierNormalise,
    parcours: JSON.parse(row.parcours) as ParcoursEntry[],
    erreurs: JSON.parse(row.errors ?? "[]") as EffectifListRow["erreurs"],
    invalide: row.outcome === "invalid",
    source: row.source,
  };
}
