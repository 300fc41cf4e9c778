import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { luhnValid, uaiKey } from "../../db/demo/identifiants";
import { generateReferentiel } from "../../db/demo/referentiel";
import { insertOrganismesOrIgnore } from "../../db/referentiel/sql";

describe("the demo référentiel", () => {
  const { organismes, relations } = generateReferentiel();

  it("is the same on every run", () => {
    expect(generateReferentiel()).toEqual({ organismes, relations });
    expect(generateReferentiel(1).organismes[0]).not.toEqual(organismes[0]);
  });

  it("spans at least 300 organismes over 5 régions, 10 départements and several académies", () => {
    expect(organismes.length).toBeGreaterThanOrEqual(300);
    expect(new Set(organismes.map((o) => o.region)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(organismes.map((o) => o.departement)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(organismes.map((o) => o.academie)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(organismes.map((o) => o.nature))).toEqual(
      new Set(["responsable", "formateur", "responsable_formateur", "lieu_formation"]),
    );
  });

  it("has valid, unique identifiers, most SIRETs Luhn-valid and a few closed or absent couples", () => {
    for (const o of organismes) {
      expect(o.uai).toMatch(/^[0-9]{7}[A-Z]$/);
      expect(o.uai[7]).toBe(uaiKey(o.uai.slice(0, 7)));
      expect(o.uai.slice(0, 3)).toBe(`0${o.departement}`);
      expect(o.siret).toMatch(/^[0-9]{14}$/);
    }
    expect(new Set(organismes.map((o) => `${o.uai}|${o.siret}`)).size).toBe(organismes.length);
    const luhn = organismes.filter((o) => luhnValid(o.siret)).length;
    expect(luhn / organismes.length).toBeGreaterThan(0.9);
    expect(luhn).toBeLessThan(organismes.length);
    expect(organismes.filter((o) => o.ferme).length).toBeGreaterThan(2);
    expect(organismes.filter((o) => !o.referentiel).length).toBeGreaterThan(2);
  });

  it("links responsables to formateurs of their département", () => {
    const byId = new Map(organismes.map((o) => [o.id, o]));
    expect(relations.length).toBeGreaterThan(100);
    for (const { responsableId, formateurId } of relations) {
      expect(byId.get(responsableId)?.nature).toMatch(/^responsable/);
      expect(["formateur", "lieu_formation"]).toContain(byId.get(formateurId)?.nature);
      expect(byId.get(formateurId)?.departement).toBe(byId.get(responsableId)?.departement);
    }
  });

  it("loads into D1 and loading it again changes nothing", async () => {
    const statements = insertOrganismesOrIgnore(organismes, "2024-09-01T00:00:00.000Z");
    for (const sql of statements) await env.DB.prepare(sql).run();
    for (const sql of insertOrganismesOrIgnore(organismes, "2025-01-01T00:00:00.000Z")) await env.DB.prepare(sql).run();
    const row = await env.DB.prepare("SELECT COUNT(*) AS n, MAX(created_at) AS last FROM organismes").first<{
      n: number;
      last: string;
    }>();
    expect(row).toEqual({ n: organismes.length, last: "2024-09-01T00:00:00.000Z" });
  });
});
