/**
 * The nominative list behind one of a perimeter's counters at a date, each learner with the organisme that trains
 * it, and which réseaux may read their members' lists (SPEC §8). Measured path (a page and its total over a région
 * of a million-effectif base, in one statement): hand-tuned SQL, the list's columns (worker/data/indicateurs-liste.ts).
 */
import { eq } from "drizzle-orm";
import { reseauxResponsables } from "../../db/schema";
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { ApprenantPerimetre, Perimetre } from "../domain/indicateurs-territoire";
import type { Indicateur } from "../domain/indicators";
import type { Database } from "./db";
import { apprenantListe, COLONNES_LISTE, INDICATEUR_STATUTS, type ListeRow } from "./indicateurs-liste";
import type { PageDemandee } from "./indicateurs-perimetre";
import { ORGANISMES_COMPTES, perimetreParams } from "./perimetre";

/** Whether the réseau is "responsable": its users may see its members' nominative lists. */
export async function isReseauResponsable(db: Database, reseau: string): Promise<boolean> {
  const row = await db
    .select({ reseau: reseauxResponsables.reseau })
    .from(reseauxResponsables)
    .where(eq(reseauxResponsables.reseau, reseau))
    .get();
  return row !== undefined;
}

type Row = ListeRow & Pick<ApprenantPerimetre, "organisme" | "uai">;

export async function listApprenantsPerimetre(
  db: Database,
  perimetre: Perimetre,
  options: { indicateur: Indicateur; date: string } & PageDemandee,
): Promise<{ total: number; rows: ApprenantPerimetre[] }> {
  const select = (columns: string) => `WITH perimetre AS (${ORGANISMES_COMPTES})
     SELECT ${columns}
       FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id JOIN organismes o ON o.id = e.organisme_id
      WHERE s.organisme_id IN perimetre AND s.annee_scolaire IN (?5, ?6)
        AND s.du <= ?7 AND (s.au IS NULL OR s.au >= ?7) AND s.statut IN (SELECT value FROM json_each(?8))`;
  const bind = [
    ...perimetreParams(perimetre),
    ...anneesScolairesAt(options.date),
    options.date,
    JSON.stringify(INDICATEUR_STATUTS[options.indicateur]),
  ];
  const d1 = db.$client;
  // The total rides on the page's rows: one pass over the perimeter's intervals (a count and a page took two).
  const { results } = await d1
    .prepare(
      `${select(`${COLONNES_LISTE}, coalesce(o.enseigne, o.raison_sociale) AS organisme, o.uai, count(*) OVER () AS total`)}
        ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id LIMIT ?9 OFFSET ?10`,
    )
    .bind(...bind, options.limit, options.offset)
    .all<Row & { total: number }>();
  // A page past the end has no row to carry the total: counted apart.
  const pastTheEnd = results.length === 0 && options.offset > 0;
  const total = pastTheEnd
    ? ((
        await d1
          .prepare(select("count(*) AS n"))
          .bind(...bind)
          .first<{ n: number }>()
      )?.n ?? 0)
    : (results[0]?.total ?? 0);
  return {
    total,
    rows: results.map((row) => ({
      ...apprenantListe(row, options.date),
      organisme: row.organisme,
      uai: row.uai,
    })),
  };
}
