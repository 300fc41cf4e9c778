import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

/** Every organisme's count as the triggers keep it, against a count of the rows. */
const comptes = async () =>
  (
    await env.DB.prepare(
      `SELECT o.organisme_id AS organismeId, o.n AS triggers,
              (SELECT count(*) FROM effectifs e WHERE e.organisme_id = o.organisme_id) AS lignes
         FROM effectifs_par_organisme o`,
    ).all<{ organismeId: string; triggers: number; lignes: number }>()
  ).results;

describe("effectifs_par_organisme (migration 0017)", () => {
  it("stays equal to the organisme's rows through creates, updates, direct writes, moves and deletes", async () => {
    const { organisme, key } = await organismeAvecCle();
    const autre = await createOrganisme({});
    const dossiers = [1, 2, 3, 4].map((i) => dossier(organisme, { id_erp_apprenant: `C${i}` }));
    expect((await push(key, dossiers)).status).toBe(200);
    // The same learners again, one field changed: updates, not new rows.
    expect(
      (
        await push(
          key,
          dossiers.map((d) => ({ ...d, adresse_apprenant: "2 rue Neuve" })),
        )
      ).status,
    ).toBe(200);
    await env.DB.prepare(
      `INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, data, parcours, data_hash,
                              created_at, updated_at)
       VALUES ('direct-1', ?1, '2024-2025', 'D1', 'N', 'P', '{}', '[]', 'h', 'x', 'x'),
              ('direct-2', ?1, '2024-2025', 'D2', 'N', 'P', '{}', '[]', 'h', 'x', 'x')`,
    )
      .bind(autre.id)
      .run();
    await env.DB.prepare("UPDATE effectifs SET organisme_id = ? WHERE id = 'direct-2'").bind(organisme.id).run();
    await env.DB.prepare("DELETE FROM effectifs WHERE organisme_id = ? AND id_erp_apprenant IN ('C1', 'C2')")
      .bind(organisme.id)
      .run();

    const mine = (await comptes()).filter((c) => c.organismeId === organisme.id || c.organismeId === autre.id);
    expect(mine).toEqual(
      expect.arrayContaining([
        { organismeId: organisme.id, triggers: 3, lignes: 3 },
        { organismeId: autre.id, triggers: 1, lignes: 1 },
      ]),
    );
    for (const c of await comptes()) expect(c.triggers, c.organismeId).toBe(c.lignes);
  });
});
