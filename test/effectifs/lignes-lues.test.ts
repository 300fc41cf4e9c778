import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { database } from "../../worker/data/db";
import { listEffectifs, type EffectifFilters, type EffectifTri } from "../../worker/data/effectifs-liste";

/** `n` effectifs of `organismeId` written straight into D1, some without a contract start. */
async function charger(organismeId: string, n: number, prefix: string) {
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?2)
     INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, libelle_formation,
                            contrat_debut, data, parcours, data_hash, created_at, updated_at)
     SELECT ?3 || i, ?1, '2024-2025', ?3 || i, 'NOM' || (i * 7 % 997), 'Prénom' || (i % 5), 'formation ' || (i % 13),
            CASE WHEN i % 9 = 0 THEN NULL ELSE date('2024-09-01', '+' || (i % 200) || ' days') END,
            '{}', '[]', 'h', '2024-09-01', '2024-09-01'
       FROM seq`,
  )
    .bind(organismeId, n, prefix)
    .run();
}

/** The rows D1 read for each statement of the list's batch (count, page, log), as its meta reports them. */
async function lignesLues(
  organismeIds: string[],
  tri: EffectifTri,
  ordre: "asc" | "desc",
  offset = 0,
  limit = 50,
  filters: EffectifFilters = {},
) {
  const reads: number[] = [];
  const client = {
    prepare: (query: string) => env.DB.prepare(query),
    batch: async (statements: D1PreparedStatement[]) => {
      const results = await env.DB.batch(statements);
      reads.push(...results.map((r) => r.meta.rows_read));
      return results;
    },
  } as unknown as D1Database;
  const { total, rows } = await listEffectifs(database(client), organismeIds, {
    date: "2025-01-15",
    filters,
    offset,
    limit,
    tri,
    ordre,
    journal: { userId: "lecteur", organismeId: organismeIds[0], kind: "effectifs-page" },
  });
  return { total, rows: rows.length, count: reads[0], page: reads[1], statements: reads.length };
}

describe("Mes effectifs: a page reads its rows, not the organisme's", { timeout: 60_000 }, () => {
  it("reads about the same rows for a page and its count at 600 and at 6,000 effectifs", async () => {
    const petit = await createOrganisme({});
    const grand = await createOrganisme({});
    const formateur = await createOrganisme({});
    await charger(petit.id, 600, "p");
    await charger(grand.id, 6000, "g");
    await charger(formateur.id, 300, "f");
    for (const [tri, ordre, offset] of [
      ["apprenant", "asc", 0],
      ["apprenant", "desc", 100],
      ["debut", "desc", 100],
      ["debut", "asc", 0],
      ["formation", "asc", 50],
    ] as const) {
      const small = await lignesLues([petit.id], tri, ordre, offset);
      const large = await lignesLues([grand.id, formateur.id], tri, ordre, offset);
      expect(large.total, tri).toBe(6300);
      expect(large.rows).toBe(50);
      // The count reads the per-organisme counts (and the few dossiers never applied); the page, the rows up to its
      // end in each organisme of the scope (two here, one for the small one) and their display lookups: the same
      // whatever the size, far from the 6,300 rows.
      expect(large.count, tri).toBeLessThan(50);
      expect(large.page, `${tri} ${ordre}`).toBeLessThan(6300 / 3);
      expect(large.page, `${tri} ${ordre}`).toBeLessThan(2 * small.page + 200);
    }
  });

  it("logs a page, an export or a search with its count, in the batch that reads it, without reading it again", async () => {
    const organisme = await createOrganisme({});
    await charger(organisme.id, 2500, "x");
    const logged = () =>
      env.DB.prepare("SELECT rows, total FROM downloads_log WHERE organisme_id = ? ORDER BY id")
        .bind(organisme.id)
        .all<{ rows: number; total: number }>();
    const page = await lignesLues([organisme.id], "apprenant", "asc");
    expect(page.statements).toBe(2);
    const complet = await lignesLues([organisme.id], "apprenant", "asc", 0, 50_000);
    expect(complet.rows).toBe(2500);
    expect(complet.statements).toBe(2);
    // A rare name: the count and the page each look at every row, once.
    const rare = await lignesLues([organisme.id], "apprenant", "asc", 0, 50, { apprenant: "nom996" });
    expect(rare.statements).toBe(2);
    expect(rare.total).toBe(rare.rows);
    expect(rare.rows).toBeGreaterThan(0);
    // Nothing found: nothing shown, the count still logged.
    const aucun = await lignesLues([organisme.id], "apprenant", "asc", 0, 50, { apprenant: "zzz" });
    expect(aucun.rows).toBe(0);
    // A deep page near the end, read from the end: logged after, with the rows it read.
    const fin = await lignesLues([organisme.id], "debut", "asc", 2480, 50);
    expect(fin.rows).toBe(20);
    expect((await logged()).results).toEqual([
      { rows: 50, total: 2500 },
      { rows: 2500, total: 2500 },
      { rows: rare.rows, total: rare.rows },
      { rows: 0, total: 0 },
      { rows: 20, total: 2500 },
    ]);
  });
});
