import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { capturingD1, queryPlan } from "../helpers/plan";
import { database } from "../../worker/data/db";
import { listEffectifs } from "../../worker/data/effectifs-liste";

describe("Mes effectifs: a search by name", () => {
  it("counts from the index holding the searched text (EXPLAIN QUERY PLAN), with the same total as a scan", async () => {
    const organisme = await createOrganisme({});
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 400)
       INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, data, parcours,
                              data_hash, created_at, updated_at)
       SELECT ?1 || i, ?1, '2024-2025', 'r' || i, 'Nom' || (i % 37), 'Élise' || (i % 11), '{}', '[]', 'h',
              '2024-09-01', '2024-09-01'
         FROM seq`,
    )
      .bind(organisme.id)
      .run();
    const { db, captured } = capturingD1();
    // "OM1 Élise3" spans nom and prénom; case-insensitive for ASCII only, as LIKE is.
    const { total } = await listEffectifs(database(db), [organisme.id], {
      date: "2025-01-15",
      filters: { apprenant: "OM1 Élise3" },
      offset: 0,
      limit: 50,
      journal: { userId: "lecteur", organismeId: organisme.id, kind: "effectifs-page" },
    });
    const scanned = await env.DB.prepare(
      "SELECT count(*) AS n FROM effectifs NOT INDEXED WHERE organisme_id = ? AND nom || ' ' || prenom LIKE '%OM1 Élise3%'",
    )
      .bind(organisme.id)
      .first<{ n: number }>();
    expect(total).toBe(scanned?.n);
    expect(total).toBeGreaterThan(0);
    const count = captured.find((c) => c.sql.includes("SELECT (SELECT count(*) FROM effectifs e"));
    expect(count).toBeDefined();
    expect(await queryPlan(count!)).toMatch(/COVERING INDEX effectifs_recherche_apprenant/);
  });
});
