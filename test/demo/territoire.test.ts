// The demo data of the territorial pages: several organismes transmit, most do not, in the demo région and below.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { seed, selection } from "./seed-demo";

const first = <T>(sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .first<T>();

/** Organismes of the référentiel (not closed) in a territory, and how many have transmitted. */
const couverture = (column: "region" | "departement" | "academie", code: string) =>
  first<{ organismes: number; transmettent: number }>(
    `SELECT COUNT(*) AS organismes, COALESCE(SUM(last_transmission_at IS NOT NULL), 0) AS transmettent
       FROM organismes WHERE referentiel = 1 AND ferme = 0 AND ${column} = ?`,
    code,
  );

describe("the demo data of the territories", () => {
  beforeAll(seed);

  it("has effectifs in many organismes, sent by responsables of the demo région, the Puy-de-Dôme and elsewhere", async () => {
    const counts = await first<Record<string, number>>(
      `SELECT COUNT(DISTINCT e.organisme_id) AS formateurs, COUNT(DISTINCT e.organisme_responsable_id) AS responsables,
              COUNT(DISTINCT CASE WHEN r.region = '84' THEN r.id END) AS region,
              COUNT(DISTINCT CASE WHEN r.departement = '63' THEN r.id END) AS departement,
              COUNT(DISTINCT CASE WHEN r.academie = '06' THEN r.id END) AS academie,
              COUNT(DISTINCT CASE WHEN r.region <> '84' THEN r.id END) AS ailleurs
         FROM effectifs e JOIN organismes r ON r.id = e.organisme_responsable_id`,
    );
    expect(counts!.formateurs).toBeGreaterThanOrEqual(20);
    expect(counts!.responsables).toBeGreaterThanOrEqual(6);
    expect(counts!.region).toBeGreaterThanOrEqual(6);
    expect(counts!.departement).toBeGreaterThanOrEqual(2);
    expect(counts!.academie).toBeGreaterThanOrEqual(2);
    expect(counts!.ailleurs).toBeGreaterThanOrEqual(1);
  });

  it("marks as transmitting every organisme with effectifs and only those, as the pipeline does", async () => {
    const { results } = await env.DB.prepare(
      `SELECT o.id FROM organismes o WHERE (o.last_transmission_at IS NOT NULL) <> (
         EXISTS (SELECT 1 FROM effectifs e WHERE e.organisme_id = o.id OR e.organisme_responsable_id = o.id))`,
    ).all();
    expect(results).toEqual([]);
  });

  it("leaves most organismes of the région and of the Puy-de-Dôme without any transmission", async () => {
    for (const [column, code] of [
      ["region", "84"],
      ["departement", "63"],
      ["academie", "06"],
    ] as const) {
      const c = (await couverture(column, code))!;
      const taux = c.transmettent / c.organismes;
      expect(taux, `${column} ${code}`).toBeGreaterThanOrEqual(0.4);
      expect(taux, `${column} ${code}`).toBeLessThanOrEqual(0.7);
    }
  });

  it("configures the senders with various ERPs, by API (with a key) or by file", async () => {
    const { results } = await env.DB.prepare(
      `SELECT o.erp, o.mode_transmission AS mode, o.configured_at IS NOT NULL AS configured,
              (SELECT COUNT(*) FROM api_keys k WHERE k.organisme_id = o.id AND k.revoked_at IS NULL) AS keys,
              (SELECT GROUP_CONCAT(DISTINCT t.source) FROM transmissions t WHERE t.organisme_id = o.id) AS sources
         FROM organismes o WHERE o.mode_transmission IS NOT NULL`,
    ).all<{ erp: string | null; mode: string; configured: number; keys: number; sources: string }>();
    expect(new Set(results.map((r) => r.erp)).size).toBeGreaterThanOrEqual(5);
    expect(results.some((r) => r.mode === "manuel" && r.erp === null)).toBe(true);
    for (const r of results) {
      expect(r.configured).toBe(1);
      expect(r).toMatchObject(
        r.mode === "api" ? { keys: 1, sources: "erp" } : { mode: "manuel", keys: 0, sources: "fichier" },
      );
    }
  });

  it("has a responsable whose learners are all at its formateurs", async () => {
    const row = await first<{ n: number }>(
      `SELECT COUNT(*) AS n FROM organismes r
        WHERE r.nature = 'responsable' AND r.last_transmission_at IS NOT NULL
          AND EXISTS (SELECT 1 FROM effectifs e WHERE e.organisme_responsable_id = r.id AND e.organisme_id <> r.id)
          AND NOT EXISTS (SELECT 1 FROM effectifs e WHERE e.organisme_id = r.id)`,
    );
    expect(row!.n).toBeGreaterThanOrEqual(1);
  });

  it("keeps the invalid dossiers in the Gesti OFA's transmissions only", async () => {
    const { results } = await env.DB.prepare(
      "SELECT DISTINCT organisme_id AS id FROM transmissions WHERE invalid > 0",
    ).all();
    expect(results).toEqual([{ id: selection.gesti.id }]);
  });

  it("leaves untouched the organisme the sign-up browser test takes: the first responsable-formateur without an account", async () => {
    // The query of e2e/tests/01-inscription.e2e.mjs, which expects "Données non transmises" and zero counters.
    const organisme = await first<{ id: string }>(
      `SELECT o.id FROM organismes o
        WHERE o.referentiel = 1 AND o.ferme = 0 AND o.uai IS NOT NULL AND o.nature = 'responsable_formateur'
          AND NOT EXISTS (SELECT 1 FROM organisations g WHERE g.organisme_id = o.id) LIMIT 1`,
    );
    const state = await first(
      `SELECT o.last_transmission_at AS last,
              (SELECT COUNT(*) FROM effectifs e WHERE e.organisme_responsable_id = ?1 OR e.organisme_id = ?1
                  OR e.organisme_id IN (SELECT formateur_id FROM organisme_relations WHERE responsable_id = ?1)) AS effectifs
         FROM organismes o WHERE o.id = ?1`,
      organisme!.id,
    );
    expect(state).toEqual({ last: null, effectifs: 0 });
  });
});
