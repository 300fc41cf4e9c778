import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import type { EffectifsPage } from "../../worker/domain/effectifs-liste";

const EFFECTIFS = 1530;
const JAMAIS_APPLIQUES = 70;

/**
 * Effectifs written straight into D1 (repeated names, ties broken by arrival; some without employeur or formation),
 * and invalid dossiers never applied whose names fall among theirs.
 */
async function grosOrganisme() {
  const organisme = await createOrganisme({});
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?2)
     INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, employeur, libelle_formation, data, parcours,
                            data_hash, created_at, updated_at)
     SELECT 'profond-' || i, ?1, '2024-2025', 'p' || i, 'NOM' || (i * 7 % 97), 'Prénom' || (i % 3),
            CASE WHEN i % 5 = 0 THEN NULL ELSE printf('%014d', i % 40) END,
            CASE WHEN i % 7 = 0 THEN NULL ELSE 'formation ' || char(65 + i % 11) END, '{}', '[]', 'h', '2024-09-01', '2024-09-01'
       FROM seq`,
  )
    .bind(organisme.id, EFFECTIFS)
    .run();
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?2)
     INSERT INTO dossiers_recus (organisme_id, identity, transmission_id, outcome, nom, prenom, libelle_formation,
                                 annee_scolaire, id_erp_apprenant, received_at)
     SELECT ?1, '2024-2025|r' || i, 't', 'invalid', 'NOM' || (i * 3 % 97), 'Prénom' || (i % 3),
            CASE WHEN i % 2 = 0 THEN NULL ELSE 'formation ' || char(65 + i % 11) END, '2024-2025', 'r' || i, '2024-09-02'
       FROM seq`,
  )
    .bind(organisme.id, JAMAIS_APPLIQUES)
    .run();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  return { organisme, cookie };
}

const page = async (organismeId: string, cookie: string, query: string) => {
  const response = await apiFetch(`/api/organismes/${organismeId}/effectifs?${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as EffectifsPage;
};

/**
 * The order Mes effectifs promises, straight from SQL over both sources: the key (empty ones last), then the
 * arrival (an effectif's rowid; a dossier never applied after the effectifs of the same key, by identity).
 */
async function expected(organismeId: string, order: string, where = "1"): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT identity FROM (
       SELECT annee_scolaire || '|' || id_erp_apprenant AS identity, nom, prenom, employeur, libelle_formation, rowid AS t
         FROM effectifs WHERE organisme_id = ?1
       UNION ALL
       SELECT identity, nom, prenom, NULL, libelle_formation, identity FROM dossiers_recus WHERE organisme_id = ?1)
      WHERE ${where} ORDER BY ${order}`,
  )
    .bind(organismeId)
    .all<{ identity: string }>();
  return results.map((r) => r.identity);
}

describe("Mes effectifs: a page past the first thousand rows is read from the end", { timeout: 60_000 }, () => {
  it("gives the same rows, in the same order, as the whole list sorted", async () => {
    const { organisme, cookie } = await grosOrganisme();
    const sorts: [query: string, order: string, where?: string][] = [
      ["", "nom COLLATE NOCASE, prenom COLLATE NOCASE, t"],
      ["&tri=apprenant&ordre=desc", "nom COLLATE NOCASE DESC, prenom COLLATE NOCASE DESC, t DESC"],
      ["&tri=employeur&ordre=asc", "employeur IS NULL, employeur COLLATE NOCASE, t"],
      ["&tri=employeur&ordre=desc", "employeur IS NULL, employeur COLLATE NOCASE DESC, t DESC"],
      ["&tri=formation", "libelle_formation IS NULL, libelle_formation COLLATE NOCASE, t"],
      ["&tri=organisme&ordre=desc", "t DESC"],
      [
        "&formation=formation%20b&ordre=desc",
        "nom COLLATE NOCASE DESC, prenom COLLATE NOCASE DESC, t DESC",
        "libelle_formation LIKE '%formation b%'",
      ],
    ];
    for (const [query, order, where] of sorts) {
      const all = await expected(organisme.id, order, where);
      // Offsets 0, 450, 950 (read forwards), 1000 and 1200 (first half… and second half: from the end), 1500, 1550
      // (the last rows), 1600 (empty).
      for (const [p, taille] of [
        [1, 50],
        [10, 50],
        [20, 50],
        [21, 50],
        [7, 200],
        [31, 50],
        [32, 50],
        [33, 50],
      ]) {
        const got = await page(organisme.id, cookie, `page=${p}&taille=${taille}${query}`);
        expect(got.total).toBe(all.length);
        expect(got.rows.map((r) => r.identity)).toEqual(all.slice((p - 1) * taille, p * taille));
      }
    }
  });
});
