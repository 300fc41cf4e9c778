import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { countEffectifs, dossier, organismeAvecCle, push } from "./helpers";

interface PushBody {
  status: string;
  message: string;
  detail?: string;
  data: {
    validation_errors: { message: string; path: string }[];
    outcome: string;
    statut: string | null;
    effectif_id: string | null;
    [k: string]: unknown;
  }[];
}

describe("POST /api/v3/dossiers-apprenants", () => {
  it("stores valid dossiers, answers each one's outcome and statut, and never stores the NIR", async () => {
    const { organisme, key } = await organismeAvecCle();
    const response = await push(key, [
      dossier(organisme, { id_erp_apprenant: 1, nir_apprenant: "1 05 03 75 123 456", nom_apprenant: " martin " }),
      dossier(organisme, {
        id_erp_apprenant: "2",
        contrat_date_debut: null,
        contrat_date_fin: null,
        siret_employeur: null,
      }),
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PushBody;
    expect(body.status).toBe("OK");
    expect(body.message).toBe("Queued");
    expect(body.detail).toBeUndefined();
    expect(body.data.map((d) => d.outcome)).toEqual(["created", "created"]);
    expect(body.data[0].validation_errors).toEqual([]);
    expect(body.data[0].nir_apprenant).toBeUndefined();
    expect(body.data[0].id_erp_apprenant).toBe(1);
    expect(body.data[0].effectif_id).toMatch(/^[0-9a-f-]{36}$/);

    const row = await env.DB.prepare("SELECT * FROM effectifs WHERE id = ?")
      .bind(body.data[0].effectif_id)
      .first<Record<string, string>>();
    expect(row!.nom).toBe("MARTIN");
    expect(row!.id_erp_apprenant).toBe("1");
    expect(row!.data).not.toContain("nir_apprenant");
    expect(row!.data).not.toContain("123");
    expect(JSON.parse(row!.data).has_nir).toBe(true);
    const statuts = await env.DB.prepare(
      "SELECT du, au, statut FROM effectif_statuts WHERE effectif_id = ? ORDER BY du",
    )
      .bind(row!.id)
      .all();
    expect(statuts.results[0]).toEqual({ du: "0000-01-01", au: "2023-09-14", statut: "INSCRIT" });
    expect(statuts.results[1]).toEqual({ du: "2023-09-15", au: "2025-06-29", statut: "APPRENTI" });
    expect(statuts.results.at(-1)).toEqual({ du: "2025-06-30", au: null, statut: "FIN_DE_FORMATION" });

    const organismeRow = await env.DB.prepare("SELECT last_transmission_at FROM organismes WHERE id = ?")
      .bind(organisme.id)
      .first<{ last_transmission_at: string }>();
    expect(organismeRow!.last_transmission_at).not.toBeNull();
    const transmission = await env.DB.prepare(
      "SELECT total, created, invalid FROM transmissions WHERE organisme_id = ?",
    )
      .bind(organisme.id)
      .first();
    expect(transmission).toEqual({ total: 2, created: 2, invalid: 0 });
  });

  it("answers every check at once, including the organismes and the dates, and keeps the report", async () => {
    const { organisme, key } = await organismeAvecCle();
    const response = await push(key, [
      dossier(organisme, {
        id_erp_apprenant: "X",
        date_fin_formation: "2023-01-01",
        etablissement_formateur_uai: "123",
        contrat_date_debut: null,
      }),
      dossier(organisme, { id_erp_apprenant: "Y", etablissement_formateur_uai: "9999999Z" }),
      "pas un dossier",
    ]);
    const body = (await response.json()) as PushBody;
    expect(body.detail).toBe("Some data are invalid");
    expect(body.data.map((d) => d.outcome)).toEqual(["invalid", "invalid", "invalid"]);
    const paths = body.data[0].validation_errors.map((e) => e.path).sort();
    expect(paths).toEqual(["contrat_date_debut", "date_fin_formation", "etablissement_formateur_uai"]);
    expect(body.data[0].validation_errors.find((e) => e.path === "etablissement_formateur_uai")!.message).toBe(
      "UAI invalide",
    );
    expect(body.data[0].validation_errors.find((e) => e.path === "contrat_date_debut")!.message).toBe(
      "Information de contrat incomplète",
    );
    expect(body.data[1].validation_errors).toEqual([
      {
        path: "etablissement_formateur_siret",
        message: `Organisme formateur introuvable (UAI 9999999Z, SIRET ${organisme.siret})`,
      },
    ]);
    expect(body.data[2].validation_errors[0].path).toBe("");
    expect(await countEffectifs(organisme.id)).toBe(0);
    const report = await env.DB.prepare(
      "SELECT identity, outcome, errors FROM dossiers_recus WHERE organisme_id = ? ORDER BY identity",
    )
      .bind(organisme.id)
      .all<{ identity: string; outcome: string; errors: string }>();
    expect(report.results.length).toBe(3);
    expect(report.results.find((r) => r.identity === "2023-2024|Y")!.errors).toContain(
      "Organisme formateur introuvable",
    );
  });

  it("writes only for its own organisme and its formateurs (scope)", async () => {
    const { organisme, key } = await organismeAvecCle();
    const formateur = await createOrganisme({ nature: "formateur" });
    const autre = await createOrganisme();
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(organisme.id, formateur.id)
      .run();
    const response = await push(key, [
      dossier(organisme, {
        id_erp_apprenant: "F1",
        etablissement_formateur_uai: formateur.uai,
        etablissement_formateur_siret: formateur.siret,
      }),
      dossier(organisme, {
        id_erp_apprenant: "F2",
        etablissement_formateur_uai: autre.uai,
        etablissement_formateur_siret: autre.siret,
      }),
    ]);
    const body = (await response.json()) as PushBody;
    expect(body.data[0].outcome).toBe("created");
    expect(body.data[1].outcome).toBe("invalid");
    expect(body.data[1].validation_errors[0].message).toContain(
      "ne permet pas de transmettre les dossiers de l'organisme formateur",
    );
    expect(await countEffectifs(formateur.id)).toBe(1);
    expect(await countEffectifs(autre.id)).toBe(0);
  });

  it("updates on the same identity: sent values overwrite, empty ones never erase, contracts are replaced whole", async () => {
    const { organisme, key } = await organismeAvecCle();
    await push(key, [
      dossier(organisme, {
        email_contact: "lea@exemple.fr",
        contrat_date_debut_2: "2024-09-01",
        tel_apprenant: "06 12 34 56 78",
      }),
    ]);
    const second = await push(key, [
      dossier(organisme, {
        email_contact: "",
        tel_apprenant: null,
        prenom_apprenant: "Léane",
        contrat_date_debut: "2023-10-01",
        contrat_date_fin: null,
      }),
    ]);
    const body = (await second.json()) as PushBody;
    expect(body.data[0].outcome).toBe("updated");
    const row = await env.DB.prepare("SELECT prenom, data, contrat_debut FROM effectifs WHERE organisme_id = ?")
      .bind(organisme.id)
      .first<{ prenom: string; data: string; contrat_debut: string }>();
    const data = JSON.parse(row!.data);
    expect(row!.prenom).toBe("Léane");
    expect(data.email_contact).toBe("lea@exemple.fr");
    expect(data.tel_apprenant).toBe("0612345678");
    expect(data.contrat_date_debut).toBe("2023-10-01");
    expect(data.contrat_date_fin).toBeUndefined();
    expect(data.contrat_date_debut_2).toBeUndefined();
    expect(row!.contrat_debut).toBe("2023-10-01");
  });

  it("is idempotent: the same batch three times leaves the data as after the first", async () => {
    const { organisme, key } = await organismeAvecCle();
    const batch = Array.from({ length: 120 }, (_, i) =>
      dossier(organisme, { id_erp_apprenant: `I${i}`, contrat_date_rupture: i % 2 ? "2024-01-10" : null }),
    );
    const outcomes: string[][] = [];
    let snapshot = "";
    for (let round = 0; round < 3; round++) {
      const body = (await (await push(key, batch)).json()) as PushBody;
      outcomes.push([...new Set(body.data.map((d) => d.outcome))]);
      const rows = await env.DB.prepare("SELECT id, data, updated_at FROM effectifs WHERE organisme_id = ? ORDER BY id")
        .bind(organisme.id)
        .all();
      const statuts = await env.DB.prepare("SELECT COUNT(*) AS n FROM effectif_statuts WHERE organisme_id = ?")
        .bind(organisme.id)
        .first<{ n: number }>();
      const current = JSON.stringify([rows.results, statuts!.n]);
      if (round > 0) expect(current).toBe(snapshot);
      snapshot = current;
    }
    expect(outcomes).toEqual([["created"], ["unchanged"], ["unchanged"]]);
    expect(await countEffectifs(organisme.id)).toBe(120);
  });

  it("two overlapping batches sent concurrently leave no duplicate and lose nothing", async () => {
    const { organisme, key } = await organismeAvecCle();
    const make = (from: number, to: number, extra: Record<string, unknown>) =>
      Array.from({ length: to - from }, (_, i) => dossier(organisme, { id_erp_apprenant: `C${from + i}`, ...extra }));
    const [a, b] = await Promise.all([
      push(key, make(0, 300, { email_contact: "a@exemple.fr" })),
      push(key, make(200, 500, { adresse_apprenant: "1 rue de la Paix" })),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await countEffectifs(organisme.id)).toBe(500);
    const overlap = await env.DB.prepare(
      "SELECT data FROM effectifs WHERE organisme_id = ? AND id_erp_apprenant IN ('C200', 'C299')",
    )
      .bind(organisme.id)
      .all<{ data: string }>();
    for (const row of overlap.results) {
      const data = JSON.parse(row.data);
      expect(data.email_contact).toBe("a@exemple.fr");
      expect(data.adresse_apprenant).toBe("1 rue de la Paix");
    }
    const orphans = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM effectif_statuts s LEFT JOIN effectifs e ON e.id = s.effectif_id WHERE e.id IS NULL",
    ).first<{ n: number }>();
    expect(orphans!.n).toBe(0);
  });

  it("answers 5xx and writes nothing when the write fails", async () => {
    const { organisme, key } = await organismeAvecCle();
    await env.DB.prepare(
      "CREATE TRIGGER echec_transmission BEFORE INSERT ON transmissions BEGIN SELECT RAISE(ABORT, 'panne'); END",
    ).run();
    try {
      const response = await push(key, [dossier(organisme)]);
      expect(response.status).toBe(500);
      expect(await countEffectifs(organisme.id)).toBe(0);
      const recus = await env.DB.prepare("SELECT COUNT(*) AS n FROM dossiers_recus WHERE organisme_id = ?")
        .bind(organisme.id)
        .first<{ n: number }>();
      expect(recus!.n).toBe(0);
    } finally {
      await env.DB.prepare("DROP TRIGGER echec_transmission").run();
    }
  });

  it("handles a full batch of 2000 dossiers", async () => {
    const { organisme, key } = await organismeAvecCle();
    const batch = Array.from({ length: 2000 }, (_, i) =>
      dossier(organisme, {
        id_erp_apprenant: `G${i}`,
        email_contact: `g${i}@exemple.fr`,
        adresse_apprenant: "12 avenue des Champs",
      }),
    );
    const response = await push(key, batch);
    expect(response.status).toBe(200);
    expect(await countEffectifs(organisme.id)).toBe(2000);
  });
});
