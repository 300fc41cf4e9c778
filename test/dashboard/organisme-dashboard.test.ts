import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

/** Writes a parcours directly as intervals, as the ingestion stores it. */
async function insertParcours(
  organismeId: string,
  anneeScolaire: string,
  intervals: [du: string, au: string | null, statut: string][],
) {
  const effectifId = crypto.randomUUID();
  for (const [du, au, statut] of intervals) {
    await env.DB.prepare(
      "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, ?, ?, ?, ?)",
    )
      .bind(effectifId, organismeId, anneeScolaire, du, au, statut)
      .run();
  }
}

async function setup() {
  const responsable = await createOrganisme({ nature: "responsable", raisonSociale: "CFA DU RESPONSABLE" });
  const formateur = await createOrganisme({ nature: "formateur" });
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(responsable.id, formateur.id)
    .run();
  const user = await createUser({ organismeId: responsable.id });
  return { responsable, formateur, cookie: await loginAs(user.email) };
}

describe("GET /api/organismes/:id", () => {
  it("gives the card with fiabilité and transmission state", async () => {
    const { responsable, cookie } = await setup();
    const response = await apiFetch(`/api/organismes/${responsable.id}`, { cookie });
    expect(response.status).toBe(200);
    const { organisme } = (await response.json()) as { organisme: Record<string, unknown> };
    expect(organisme).toMatchObject({
      uai: responsable.uai,
      siret: responsable.siret,
      raisonSociale: "CFA DU RESPONSABLE",
      ferme: false,
      lastTransmissionAt: null,
      formateurs: 1,
      fiabilite: { fiable: true, raison: "Le couple UAI SIRET est présent dans le référentiel" },
    });
  });

  it("refuses another organisme's card and requires a session", async () => {
    const { cookie } = await setup();
    const other = await createOrganisme();
    expect((await apiFetch(`/api/organismes/${other.id}`, { cookie })).status).toBe(403);
    expect((await apiFetch(`/api/organismes/${other.id}`)).status).toBe(401);
  });
});

describe("GET /api/organismes/:id/indicateurs", () => {
  it("counts the organisme and its formateurs at the chosen date, over the school and calendar years", async () => {
    const { responsable, formateur, cookie } = await setup();
    // apprenti from 2023-09-01, rupturant from 2024-02-01
    await insertParcours(responsable.id, "2023-2024", [
      ["0000-01-01", "2023-08-31", "INSCRIT"],
      ["2023-09-01", "2024-01-31", "APPRENTI"],
      ["2024-02-01", null, "RUPTURANT"],
    ]);
    // never a contract: inscrit then abandon after 90 days (at the formateur)
    await insertParcours(formateur.id, "2023-2024", [
      ["0000-01-01", "2023-12-29", "INSCRIT"],
      ["2023-12-30", null, "ABANDON"],
    ]);
    // calendar school year counted at a date of 2024
    await insertParcours(formateur.id, "2024-2024", [["0000-01-01", null, "FIN_DE_FORMATION"]]);
    // another school year: never counted in 2023-2024
    await insertParcours(responsable.id, "2022-2023", [["0000-01-01", null, "APPRENTI"]]);
    // another organisme: never counted
    await insertParcours((await createOrganisme()).id, "2023-2024", [["0000-01-01", null, "APPRENTI"]]);

    const at = async (date: string) => {
      const response = await apiFetch(`/api/organismes/${responsable.id}/indicateurs?date=${date}`, { cookie });
      expect(response.status).toBe(200);
      return (await response.json()) as { anneeScolaire: string; indicateurs: Record<string, number> };
    };
    expect(await at("2023-10-15")).toEqual({
      date: "2023-10-15",
      anneeScolaire: "2023-2024",
      indicateurs: { apprenants: 2, apprentis: 1, rupturants: 0, inscrits: 1, abandons: 0 },
    });
    expect((await at("2024-01-31")).indicateurs).toEqual({
      apprenants: 2,
      apprentis: 2,
      rupturants: 0,
      inscrits: 0,
      abandons: 1,
    });
    expect((await at("2024-02-01")).indicateurs).toEqual({
      apprenants: 2,
      apprentis: 1,
      rupturants: 1,
      inscrits: 0,
      abandons: 1,
    });
  });

  it("rejects a malformed date with a French message", async () => {
    const { responsable, cookie } = await setup();
    const response = await apiFetch(`/api/organismes/${responsable.id}/indicateurs?date=31/01/2024`, { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Date invalide (format attendu : AAAA-MM-JJ).",
    );
  });
});

describe("an organisme with more formateurs than D1 binds parameters", () => {
  it("still counts and lists all of them", async () => {
    const { responsable, cookie } = await setup();
    const now = new Date().toISOString();
    const formateurs = Array.from({ length: 120 }, (_, i) => ({
      id: crypto.randomUUID(),
      siret: String(90000000000000 + i),
    }));
    await env.DB.batch(
      formateurs.flatMap((f) => [
        env.DB.prepare(
          "INSERT INTO organismes (id, siret, raison_sociale, nature, created_at, updated_at) VALUES (?, ?, 'FORMATEUR', 'formateur', ?, ?)",
        ).bind(f.id, f.siret, now, now),
        env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)").bind(
          responsable.id,
          f.id,
        ),
      ]),
    );
    await insertParcours(formateurs[119].id, "2023-2024", [["0000-01-01", null, "APPRENTI"]]);
    const indicateurs = await apiFetch(`/api/organismes/${responsable.id}/indicateurs?date=2023-10-01`, { cookie });
    expect(((await indicateurs.json()) as { indicateurs: { apprentis: number } }).indicateurs.apprentis).toBe(1);
    expect((await apiFetch(`/api/organismes/${responsable.id}/effectifs`, { cookie })).status).toBe(200);
  });
});
