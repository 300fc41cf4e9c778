/**
 * A perimeter's counters at a date broken down by département and by organisme, from the same monthly counters as
 * its total (worker/data/indicateurs-territoire.ts): each organisme counted once, so the rows add up to the total.
 * Measured path (national breakdowns over every organisme): hand-tuned SQL.
 */
import type {
  IndicateursDepartement,
  IndicateursOrganismePerimetre,
  Perimetre,
} from "../domain/indicateurs-territoire";
import { indicateursFromStatuts, type Indicateur, type Indicateurs } from "../domain/indicators";
import type { Statut } from "../domain/parcours";
import { DEPARTEMENTS } from "../domain/territoires";
import type { Database } from "./db";
import { INDICATEUR_STATUTS, INDICATEURS } from "./indicateurs-liste";
import { COMPTEURS_AU_JOUR, compteursParams } from "./indicateurs-territoire";

/** The five counters as SQL sums of `weight` over rows with a `statut` column, from SPEC §6's one mapping. */
export const sommesIndicateurs = (weight: string) =>
  INDICATEURS.map(
    (indicateur) =>
      `sum(CASE WHEN statut IN (${INDICATEUR_STATUTS[indicateur].map((s) => `'${s}'`).join(", ")}) THEN ${weight} ELSE 0 END) AS ${indicateur}`,
  ).join(", ");

export const indicateursOfRow = (row: Record<Indicateur, number>): Indicateurs =>
  Object.fromEntries(INDICATEURS.map((indicateur) => [indicateur, row[indicateur]])) as Record<Indicateur, number>;

export interface PageDemandee {
  offset: number;
  limit: number;
}

/**
 * One page of `groupes` (a grouped SELECT with the five counters and a `cle` to sort ties by), most apprenants
 * first, with the number of groups. The total rides on the page's rows (one pass over the data); a page past the
 * end has none, so it is counted apart.
 */
export async function pageDeGroupes<Row extends Record<Indicateur, number>>(
  db: Database,
  groupes: string,
  params: readonly unknown[],
  page: PageDemandee,
): Promise<{ total: number; rows: Row[] }> {
  const d1 = db.$client;
  const { results } = await d1
    .prepare(
      `SELECT g.*, count(*) OVER () AS total FROM (${groupes}) g
        ORDER BY g.apprenants DESC, g.abandons DESC, g.cle LIMIT ?${params.length + 1} OFFSET ?${params.length + 2}`,
    )
    .bind(...params, page.limit, page.offset)
    .all<Row & { total: number }>();
  if (results.length > 0) return { total: results[0].total, rows: results };
  if (page.offset === 0) return { total: 0, rows: [] };
  const count = await d1
    .prepare(`SELECT count(*) AS n FROM (${groupes})`)
    .bind(...params)
    .first<{ n: number }>();
  return { total: count?.n ?? 0, rows: [] };
}

const NON_RENSEIGNE = "Département non renseigné";

/** By the département of the organisme holding the effectifs, in the order of the codes (unknown last). */
export async function indicateursParDepartement(
  db: Database,
  perimetre: Perimetre,
  date: string,
): Promise<IndicateursDepartement[]> {
  const { results } = await db.$client
    .prepare(
      `WITH ${COMPTEURS_AU_JOUR}
       SELECT o.departement, c.statut, sum(c.n) AS n FROM compteurs c JOIN organismes o ON o.id = c.organisme_id
        GROUP BY o.departement, c.statut`,
    )
    .bind(...compteursParams(perimetre, date))
    .all<{ departement: string | null; statut: Statut; n: number }>();
  const parDepartement = new Map<string | null, Partial<Record<Statut, number>>>();
  for (const { departement, statut, n } of results) {
    parDepartement.set(departement, { ...parDepartement.get(departement), [statut]: n });
  }
  return [...parDepartement]
    .map(([departement, statuts]) => ({
      departement,
      nom: departement === null ? NON_RENSEIGNE : (DEPARTEMENTS[departement] ?? departement),
      indicateurs: indicateursFromStatuts(statuts),
    }))
    .filter(({ indicateurs }) => indicateurs.apprenants + indicateurs.abandons > 0)
    .sort((a, b) =>
      a.departement === null ? 1 : b.departement === null ? -1 : a.departement.localeCompare(b.departement),
    );
}

type OrganismeRow = Omit<IndicateursOrganismePerimetre, "indicateurs"> & Record<Indicateur, number>;

/** Each organisme counted by the perimeter with its own effectifs (not its formateurs'), those with any at the date. */
export async function indicateursParOrganisme(
  db: Database,
  perimetre: Perimetre,
  date: string,
  page: PageDemandee,
): Promise<{ total: number; organismes: IndicateursOrganismePerimetre[] }> {
  const { total, rows } = await pageDeGroupes<OrganismeRow>(
    db,
    `WITH ${COMPTEURS_AU_JOUR}, parOrganisme AS (
       SELECT organisme_id, ${sommesIndicateurs("n")} FROM compteurs GROUP BY organisme_id)
     SELECT o.id, coalesce(o.enseigne, o.raison_sociale) AS nom, o.uai, o.siret, o.departement,
            p.apprenants, p.apprentis, p.rupturants, p.inscrits, p.abandons, coalesce(o.enseigne, o.raison_sociale) || o.id AS cle
       FROM parOrganisme p JOIN organismes o ON o.id = p.organisme_id
      WHERE p.apprenants + p.abandons > 0`,
    compteursParams(perimetre, date),
    page,
  );
  return {
    total,
    organismes: rows.map((row) => ({
      id: row.id,
      nom: row.nom,
      uai: row.uai,
      siret: row.siret,
      departement: row.departement,
      indicateurs: indicateursOfRow(row),
    })),
  };
}
