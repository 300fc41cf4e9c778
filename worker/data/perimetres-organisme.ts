/**
 * The perimeters an organisme's change reaches, named by their PerimetreHub's key: `reseau:<code>`,
 * `departement:<code>`, `region:<code>`, `academie:<code>`, `national`. A perimeter counts its organismes and their
 * formateurs (worker/data/perimetre.ts), so a formateur's change reaches the perimeters of its responsables too.
 * Fiable or not: a perimeter's pages also name its organismes that it does not count, and a perimeter told once
 * too often only refetches.
 */
import { sql } from "drizzle-orm";
import { organismeRelations, organismes, reseauMembres } from "../../db/schema";
import type { Perimetre } from "../domain/indicateurs-territoire";
import type { Database } from "./db";

export const NATIONAL = "national";

/** The key of the perimeter a user sees (perimetreOf without filters: at most one field is set). */
export function perimetreKey(perimetre: Perimetre): string {
  if (perimetre.reseau) return `reseau:${perimetre.reseau}`;
  if (perimetre.departement) return `departement:${perimetre.departement}`;
  if (perimetre.region) return `region:${perimetre.region}`;
  if (perimetre.academie) return `academie:${perimetre.academie}`;
  return NATIONAL;
}

/**
 * For changed organismes, each perimeter they are in and which of them it contains (national: all of them). One
 * statement, on the push path: `via` is the organisme itself or one of its responsables.
 */
export async function perimetresOfOrganismes(db: Database, organismeIds: string[]): Promise<Map<string, string[]>> {
  const byPerimetre = new Map<string, string[]>();
  if (organismeIds.length === 0) return byPerimetre;
  byPerimetre.set(NATIONAL, [...new Set(organismeIds)]);
  const territoire = (column: "region" | "departement" | "academie") =>
    sql`SELECT ${`${column}:`} || ${organismes[column]} AS perimetre, c.organisme_id AS organisme_id
          FROM concernes c JOIN ${organismes} ON ${organismes.id} = c.via
         WHERE ${organismes[column]} IS NOT NULL`;
  const rows = await db.all<{ perimetre: string; organisme_id: string }>(sql`
    WITH changes(organisme_id) AS (SELECT DISTINCT value FROM json_each(${JSON.stringify(organismeIds)})),
    concernes(organisme_id, via) AS (
      SELECT organisme_id, organisme_id FROM changes
      UNION
      SELECT c.organisme_id, ${organismeRelations.responsableId}
        FROM changes c JOIN ${organismeRelations} ON ${organismeRelations.formateurId} = c.organisme_id
    )
    ${territoire("region")}
    UNION ${territoire("departement")}
    UNION ${territoire("academie")}
    UNION
    SELECT 'reseau:' || ${reseauMembres.reseau}, c.organisme_id
      FROM concernes c JOIN ${reseauMembres} ON ${reseauMembres.organismeId} = c.via`);
  for (const row of rows) byPerimetre.set(row.perimetre, [...(byPerimetre.get(row.perimetre) ?? []), row.organisme_id]);
  return byPerimetre;
}
