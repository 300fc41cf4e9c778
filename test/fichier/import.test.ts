import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { countEffectifs, dossier } from "../ingestion/helpers";

type Erreur = { path: string; message: string };
interface Verification {
  total: number;
  valides: number;
  items: { validation_errors: Erreur[] }[];
}
interface Import {
  summary: {
    total: number;
    created: number;
    updated: number;
    unchanged: number;
    invalid: number;
    transmissionId: string;
  };
  items: { outcome: string; validation_errors: Erreur[] }[];
}

async function ofaConnecte() {
  const organisme = await createOrganisme();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  return { organisme, cookie };
}

const verifier = (organismeId: string, cookie: string, dossiers: unknown) =>
  apiFetch(`/api/organismes/${organismeId}/fichier/verification`, { cookie, body: { dossiers } });
const importer = (organismeId: string, cookie: string, dossiers: unknown) =>
  apiFetch(`/api/organismes/${organismeId}/fichier/import`, { cookie, body: { dossiers } });

const countTransmissions = async (organismeId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM transmissions WHERE organisme_id = ?")
    .bind(organismeId)
    .first<{ n: number }>())!.n;
const countRecus = async (organismeId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM dossiers_recus WHERE organisme_id = ?")
    .bind(organismeId)
    .first<{ n: number }>())!.n;

describe("vérification d'un fichier (dry run)", () => {
  it("answers every error of every row, with the pipeline's own checks, and writes nothing", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const autre = await createOrganisme();
    const response = await verifier(organisme.id, cookie, [
      dossier(organisme, { id_erp_apprenant: "1" }),
      dossier(organisme, {
        id_erp_apprenant: "2",
        date_entree_formation: "2023-13-01",
        etablissement_formateur_uai: "123",
      }),
      dossier(autre, { id_erp_apprenant: "3" }),
      dossier(organisme, { id_erp_apprenant: "4", etablissement_responsable_siret: "99999999999999" }),
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Verification;
    expect(body.total).toBe(4);
    expect(body.valides).toBe(1);
    expect(body.items[0].validation_errors).toEqual([]);
    expect(body.items[1].validation_errors).toEqual(
      expect.arrayContaining([
        { path: "date_entree_formation", message: "Date invalide" },
        { path: "etablissement_formateur_uai", message: "UAI invalide" },
      ]),
    );
    expect(body.items[2].validation_errors).toEqual([
      {
        path: "etablissement_formateur_siret",
        message: expect.stringContaining("ni votre organisme ni l'un de ses formateurs"),
      },
    ]);
    expect(body.items[3].validation_errors).toEqual([
      {
        path: "etablissement_responsable_siret",
        message: expect.stringContaining("Organisme responsable introuvable"),
      },
    ]);

    expect(await countEffectifs(organisme.id)).toBe(0);
    expect(await countTransmissions(organisme.id)).toBe(0);
    expect(await countRecus(organisme.id)).toBe(0);
  });

  it("accepts the rows of a formateur of the organisme", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const formateur = await createOrganisme({ nature: "formateur" });
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(organisme.id, formateur.id)
      .run();
    const body = (await (
      await verifier(organisme.id, cookie, [
        {
          ...dossier(formateur),
          etablissement_responsable_uai: organisme.uai,
          etablissement_responsable_siret: organisme.siret,
        },
      ])
    ).json()) as Verification;
    expect(body.items[0].validation_errors).toEqual([]);
  });
});

describe("import d'un fichier", () => {
  it("applies the valid rows through the ERP pipeline, records a 'fichier' transmission, and is idempotent", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const lignes = [
      dossier(organisme, { id_erp_apprenant: "1" }),
      dossier(organisme, { id_erp_apprenant: "2", nom_apprenant: "Durand" }),
      dossier(organisme, { id_erp_apprenant: "3", date_fin_formation: "2020-01-01" }),
    ];
    const first = await importer(organisme.id, cookie, lignes);
    expect(first.status).toBe(200);
    const result = (await first.json()) as Import;
    expect(result.summary).toMatchObject({ total: 3, created: 2, updated: 0, unchanged: 0, invalid: 1 });
    expect(result.items.map((i) => i.outcome)).toEqual(["created", "created", "invalid"]);
    expect(result.items[2].validation_errors[0].path).toBe("date_fin_formation");
    expect(await countEffectifs(organisme.id)).toBe(2);
    const transmission = await env.DB.prepare("SELECT source, api_key_id AS apiKeyId FROM transmissions WHERE id = ?")
      .bind(result.summary.transmissionId)
      .first();
    expect(transmission).toEqual({ source: "fichier", apiKeyId: null });
    const stored = await env.DB.prepare("SELECT source FROM effectifs WHERE organisme_id = ?")
      .bind(organisme.id)
      .all<{ source: string }>();
    expect(stored.results.map((r) => r.source)).toEqual(["fichier", "fichier"]);

    const again = (await (await importer(organisme.id, cookie, lignes)).json()) as Import;
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 1 });
    const changed = (await (
      await importer(organisme.id, cookie, [dossier(organisme, { id_erp_apprenant: "2", nom_apprenant: "Dupont" })])
    ).json()) as Import;
    expect(changed.summary).toMatchObject({ created: 0, updated: 1 });
    expect(await countEffectifs(organisme.id)).toBe(2);
  });

  it("shows the imported dossiers in Mes effectifs", async () => {
    const { organisme, cookie } = await ofaConnecte();
    await importer(organisme.id, cookie, [dossier(organisme, { id_erp_apprenant: "1", nom_apprenant: "Zola" })]);
    const list = (await (await apiFetch(`/api/organismes/${organisme.id}/effectifs`, { cookie })).json()) as {
      total: number;
      rows: { apprenant: string }[];
    };
    expect(list.total).toBe(1);
    expect(list.rows[0].apprenant).toBe("ZOLA Léa");
  });
});

describe("limites et droits", () => {
  it("refuses more than 2000 rows, an empty file and a body that is not a list of rows, in French", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const trop = Array.from({ length: 2001 }, (_, i) => ({ id_erp_apprenant: String(i) }));
    for (const send of [verifier, importer]) {
      const response = await send(organisme.id, cookie, trop);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: "Bad Request",
        message: "Le fichier contient 2001 lignes : 2000 lignes au maximum.",
        field: "dossiers",
      });
    }
    expect((await importer(organisme.id, cookie, [])).status).toBe(400);
    const notAList = await importer(organisme.id, cookie, "pas une liste");
    expect(notAList.status).toBe(400);
    expect(((await notAList.json()) as { message: string }).message).toBe(
      "La liste des lignes du fichier (dossiers) est attendue.",
    );
    expect(await countTransmissions(organisme.id)).toBe(0);
  });

  it("refuses a body over 10 Mo", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const response = await importer(organisme.id, cookie, [{ adresse_apprenant: "x".repeat(10 * 1024 * 1024) }]);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain("10 Mo");
  });

  it("is open to the organisme's own users and administrators only", async () => {
    const { organisme } = await ofaConnecte();
    const lignes = [dossier(organisme)];

    expect((await importer(organisme.id, "", lignes)).status).toBe(401);

    const formateurDe = await createOrganisme();
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(formateurDe.id, organisme.id)
      .run();
    const responsable = await loginAs((await createUser({ organismeId: formateurDe.id })).email);
    const autre = await loginAs((await createUser()).email);
    const enAttente = await createUser({ organismeId: organisme.id, status: "pending" });
    for (const cookie of [responsable, autre, await loginAs(enAttente.email)]) {
      expect((await verifier(organisme.id, cookie, lignes)).status).toBe(403);
      expect((await importer(organisme.id, cookie, lignes)).status).toBe(403);
    }
    expect(await countEffectifs(organisme.id)).toBe(0);

    const admin = await loginAs((await createUser({ isAdmin: true })).email);
    const response = await importer(organisme.id, admin, lignes);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Import).summary.created).toBe(1);
    expect((await importer(crypto.randomUUID(), admin, lignes)).status).toBe(404);
  });

  it("refuses a cross-site request", async () => {
    const { organisme, cookie } = await ofaConnecte();
    const response = await apiFetch(`/api/organismes/${organisme.id}/fichier/import`, {
      cookie,
      body: { dossiers: [dossier(organisme)] },
      headers: { Origin: "https://malveillant.example" },
    });
    expect(response.status).toBe(403);
    expect(await countEffectifs(organisme.id)).toBe(0);
  });
});
