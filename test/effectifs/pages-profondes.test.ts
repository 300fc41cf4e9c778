import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import type { EffectifsPage } from "../../worker/domain/effectifs-liste";

const TOTAL = 1530;

/** TOTAL effectifs written straight into D1: repeated names (ties broken by identity), some without employeur. */
async function grosOrganisme() {
  const organisme = await createOrganisme({});
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?2)
     INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, employeur, data, parcours,
                            data_hash, created_at, updated_at)
     SELECT 'profond-' || i, ?1, '2024-2025', 'p' || i, 'NOM' || (i * 7 % 97), 'Prénom' || (i % 3),
            CASE WHEN i % 5 = 0 THEN NULL ELSE printf('%014d', i % 40) END, '{}', '[]', 'h', '2024-09-01', '2024-09-01'
       FROM seq`,
  )
    .bind(organisme.id, TOTAL)
    .run();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  return { organisme, cookie };
}

const page = async (organismeId: string, cookie: string, query: string) => {
  const response = await apiFetch(`/api/organismes/${organismeId}/effectifs?${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as EffectifsPage;
};

/** The order Mes effectifs promises (stable: ties by identity; empty values last), straight from SQL. */
async function expected(organismeId: string, order: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT annee_scolaire || '|' || id_erp_apprenant AS identity FROM effectifs WHERE organisme_id = ?
      ORDER BY ${order}, identity`,
  )
    .bind(organismeId)
    .all<{ identity: string }>();
  return results.map((r) => r.identity);
}

describe("Mes effectifs: a page past the first thousand rows is read from the end", { timeout: 60_000 }, () => {
  it("gives the same rows, in the same order, as the whole list sorted", async () => {
    const { organisme, cookie } = await grosOrganisme();
    const sorts: [query: string, order: string][] = [
      ["", "nom || ' ' || prenom COLLATE NOCASE"],
      ["&tri=apprenant&ordre=desc", "nom || ' ' || prenom COLLATE NOCASE DESC"],
      ["&tri=employeur&ordre=asc", "employeur IS NULL, employeur COLLATE NOCASE"],
      ["&tri=employeur&ordre=desc", "employeur IS NULL, employeur COLLATE NOCASE DESC"],
    ];
    for (const [query, order] of sorts) {
      const all = await expected(organisme.id, order);
      // Offsets 950 (read forwards), 1000 and 1200 (first half… and second half: from the end), 1500, 1550 (empty).
      for (const [p, taille] of [
        [20, 50],
        [21, 50],
        [7, 200],
        [31, 50],
        [32, 50],
      ]) {
        const got = await page(organisme.id, cookie, `page=${p}&taille=${taille}${query}`);
        expect(got.total).toBe(TOTAL);
        expect(got.rows.map((r) => r.identity)).toEqual(all.slice((p - 1) * taille, p * taille));
      }
    }
  });
});
