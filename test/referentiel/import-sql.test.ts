import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { readReferentielFile } from "../../db/referentiel/file";
import { normaliseLine } from "../../db/referentiel/normalise";
import type { OrganismeReferentiel } from "../../db/referentiel/organisme";
import { planImport } from "../../db/referentiel/plan";
import { buildImportSql, insertRows, MAX_STATEMENT_CHARS, sqlValue } from "../../db/referentiel/sql";

/** What the import tool does: read local D1, plan against it, apply the SQL. Here D1 is the test binding. */
async function importer(text: string, now: string) {
  const { results } = await env.DB.prepare("SELECT * FROM organismes").all<Record<string, string | number | null>>();
  const existing = new Map<string, OrganismeReferentiel>(
    results.map((r) => [
      `${r.uai}|${r.siret}`,
      {
        uai: String(r.uai),
        siret: String(r.siret),
        raisonSociale: String(r.raison_sociale),
        enseigne: r.enseigne as string | null,
        nature: r.nature as OrganismeReferentiel["nature"],
        adresse: r.adresse as string | null,
        codePostal: r.code_postal as string | null,
        commune: r.commune as string | null,
        departement: r.departement as string | null,
        region: r.region as string | null,
        academie: r.academie as string | null,
        ferme: r.ferme === 1,
        referentiel: r.referentiel === 1,
      },
    ]),
  );
  const plan = planImport(readReferentielFile(text).map(normaliseLine), existing);
  let n = 0;
  for (const statement of buildImportSql(plan, now, () => `org-${now}-${++n}`)) await env.DB.prepare(statement).run();
  return plan;
}

const organisme = (uai: string, siret: string) =>
  env.DB.prepare("SELECT * FROM organismes WHERE uai = ? AND siret = ?")
    .bind(uai, siret)
    .first<Record<string, unknown>>();

const FILE = [
  "uai;siret;raison_sociale;enseigne;nature;adresse;code_postal;commune;departement;region;academie;ferme;formateurs",
  "0691078X;16930542250535;CFA BTP RHÔNE;BTP CFA;responsable;1 rue de l'Industrie;69100;Villeurbanne;69;84;10;0;0690590S:16930542216734|0693414L:16930542278445|0999999W:12345678901234",
  "0690590S;16930542216734;SITE DE FORMATION DE LYON;;formateur;;69003;Lyon;;84;10;;",
  "0693414L;16930542278445;LYCÉE PROFESSIONNEL JEAN MOULIN;;formateur;;69200;Vénissieux;69;84;10;1;",
  "BAD;16930542278445;CFA;;;;;;;;;;",
  "0690590S;16930542216734;DOUBLON;;formateur;;;;;;;;",
].join("\n");

describe("référentiel import into D1", () => {
  it("creates the organismes and their relations, rejects bad lines with reasons, warns on unknown formateurs", async () => {
    const plan = await importer(FILE, "2024-01-01T00:00:00.000Z");
    expect(plan.creations.map((o) => o.uai)).toEqual(["0691078X", "0690590S", "0693414L"]);
    expect(plan.rejected).toEqual([
      { position: "ligne 5", reasons: ["UAI invalide : « BAD »"] },
      { position: "ligne 6", reasons: ["Couple UAI/SIRET déjà présent (ligne 3)"] },
    ]);
    expect(plan.warnings).toEqual([
      { position: "ligne 2", message: "Formateur 0999999W / 12345678901234 absent du référentiel : relation ignorée" },
    ]);

    expect(await organisme("0691078X", "16930542250535")).toMatchObject({
      raison_sociale: "CFA BTP RHÔNE",
      adresse: "1 rue de l'Industrie",
      nature: "responsable",
      ferme: 0,
      referentiel: 1,
      departement: "69",
    });
    expect(await organisme("0690590S", "16930542216734")).toMatchObject({
      departement: "69",
      nature: "formateur",
      ferme: 0,
    });
    expect(await organisme("0693414L", "16930542278445")).toMatchObject({ ferme: 1 });
    const { results } = await env.DB.prepare(
      "SELECT f.uai FROM organisme_relations x JOIN organismes r ON r.id = x.responsable_id JOIN organismes f ON f.id = x.formateur_id WHERE r.uai = '0691078X' ORDER BY f.uai",
    ).all<{ uai: string }>();
    expect(results.map((r) => r.uai)).toEqual(["0690590S", "0693414L"]);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importer(FILE, "2024-01-01T00:00:00.000Z");
    const before = await env.DB.prepare("SELECT * FROM organismes ORDER BY uai").all();
    const plan = await importer(FILE, "2024-02-01T00:00:00.000Z");
    expect({ creations: plan.creations.length, updates: plan.updates.length, unchanged: plan.unchanged }).toEqual({
      creations: 0,
      updates: 0,
      unchanged: 3,
    });
    expect((await env.DB.prepare("SELECT * FROM organismes ORDER BY uai").all()).results).toEqual(before.results);
  });

  it("updates on (uai, siret) with the values given, keeping the id, the settings and what the file leaves empty", async () => {
    await importer(FILE, "2024-01-01T00:00:00.000Z");
    const { id } = (await organisme("0691078X", "16930542250535")) as { id: string };
    await env.DB.prepare("UPDATE organismes SET erp = 'gesti', referentiel = 0 WHERE id = ?").bind(id).run();

    const plan = await importer(
      "uai,siret,raison_sociale,ferme\n0691078X,16930542250535,CFA BTP DU RHÔNE,1\n",
      "2024-03-01T00:00:00.000Z",
    );
    expect(plan.updates.map((o) => o.uai)).toEqual(["0691078X"]);
    expect(await organisme("0691078X", "16930542250535")).toMatchObject({
      id,
      erp: "gesti",
      raison_sociale: "CFA BTP DU RHÔNE",
      ferme: 1,
      referentiel: 1,
      enseigne: "BTP CFA",
      nature: "responsable",
      adresse: "1 rue de l'Industrie",
      updated_at: "2024-03-01T00:00:00.000Z",
      created_at: "2024-01-01T00:00:00.000Z",
    });
  });
});

describe("sqlValue", () => {
  it("quotes text so that apostrophes cannot break out of the literal", () => {
    expect(sqlValue("l'Industrie'); DROP TABLE organismes; --")).toBe("'l''Industrie''); DROP TABLE organismes; --'");
    expect([sqlValue(null), sqlValue(true), sqlValue(false), sqlValue(12)]).toEqual(["NULL", "1", "0", "12"]);
  });
});

describe("insertRows", () => {
  it("splits rows by count and by size so that no statement exceeds D1's limit", () => {
    const many = insertRows(
      "t",
      ["a"],
      Array.from({ length: 120 }, (_, i) => [i]),
    );
    expect(many).toHaveLength(3);
    expect(many[0]).toBe(`INSERT INTO t (a) VALUES\n${Array.from({ length: 50 }, (_, i) => `(${i})`).join(",\n")};`);
    const big = insertRows(
      "t",
      ["a"],
      Array.from({ length: 10 }, () => ["x".repeat(30_000)]),
      "ON CONFLICT DO NOTHING",
      "INSERT OR IGNORE",
    );
    expect(big).toHaveLength(5);
    for (const statement of big) {
      expect(statement.length).toBeLessThanOrEqual(MAX_STATEMENT_CHARS);
      expect(statement.startsWith("INSERT OR IGNORE INTO t (a) VALUES\n")).toBe(true);
      expect(statement.endsWith("\nON CONFLICT DO NOTHING;")).toBe(true);
    }
  });
});
