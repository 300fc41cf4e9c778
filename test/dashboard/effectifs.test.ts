import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createUser, loginAs, createOrganisme } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

interface Row {
  effectifId: string | null;
  apprenant: string;
  statut: string | null;
  employeur: string | null;
  debut: string | null;
  fin: string | null;
  etat: string;
  erreurs: { message: string; path: string }[];
}
type List = { total: number; page: number; rows: Row[] };

async function organismeAvecDossiers(confirmed = true) {
  const { organisme, key } = await organismeAvecCle({ confirmed });
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  const response = await push(key, [
    dossier(organisme, { id_erp_apprenant: "1", nom_apprenant: "Bernard", prenom_apprenant: "Zoé" }),
    dossier(organisme, {
      id_erp_apprenant: "2",
      nom_apprenant: "Arnaud",
      prenom_apprenant: "Yann",
      contrat_date_rupture: "2024-01-10",
    }),
    dossier(organisme, {
      id_erp_apprenant: "3",
      nom_apprenant: "Caron",
      prenom_apprenant: "Inès",
      contrat_date_debut: null,
      contrat_date_fin: null,
      siret_employeur: null,
    }),
    dossier(organisme, {
      id_erp_apprenant: "4",
      nom_apprenant: "Durand",
      prenom_apprenant: "Paul",
      date_entree_formation: "pas une date",
    }),
  ]);
  expect(response.status).toBe(200);
  return { organisme, key, cookie };
}

const list = async (organismeId: string, cookie: string, query = "") => {
  const response = await apiFetch(`/api/organismes/${organismeId}/effectifs${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as List;
};

describe("Mes effectifs", () => {
  it("lists valid and invalid dossiers, the invalid ones with every error", async () => {
    const { organisme, cookie } = await organismeAvecDossiers();
    const { total, rows } = await list(organisme.id, cookie);
    expect(total).toBe(4);
    expect(rows.map((r) => r.apprenant)).toEqual(["ARNAUD Yann", "BERNARD Zoé", "CARON Inès", "DURAND Paul"]);
    expect(rows[1]).toMatchObject({
      etat: "Transmis sur TBA",
      employeur: "98765432100017",
      debut: "15/09/2023",
      fin: "30/06/2025",
      erreurs: [],
    });
    expect(rows[0].fin).toBe("10/01/2024");
    expect(rows[3]).toMatchObject({ effectifId: null, etat: "Invalide pour TBA" });
    expect(rows[3].erreurs).toContainEqual({ path: "date_entree_formation", message: "Date invalide" });
  });

  it("filters per column and pages", async () => {
    const { organisme, cookie } = await organismeAvecDossiers();
    expect((await list(organisme.id, cookie, "?apprenant=caron")).rows.map((r) => r.apprenant)).toEqual(["CARON Inès"]);
    expect((await list(organisme.id, cookie, "?etat=invalide")).total).toBe(1);
    expect((await list(organisme.id, cookie, "?employeur=98765&debut=09/2023")).total).toBe(2);
    expect((await list(organisme.id, cookie, "?apprenant=%25")).total).toBe(0);
    const page2 = await list(organisme.id, cookie, "?taille=3&page=2");
    expect(page2).toMatchObject({ total: 4, page: 2 });
    expect(page2.rows.map((r) => r.apprenant)).toEqual(["DURAND Paul"]);
  });

  it("shows held dossiers as waiting for the confirmation", async () => {
    const { organisme, cookie } = await organismeAvecDossiers(false);
    const { rows } = await list(organisme.id, cookie, "?etat=attente");
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.etat === "En attente de confirmation" && r.effectifId === null)).toBe(true);
    expect(rows.find((r) => r.apprenant === "BERNARD Zoé")?.debut).toBe("15/09/2023");
  });

  it("gives one dossier with its parcours, only to those who may see it", async () => {
    const { organisme, cookie } = await organismeAvecDossiers();
    const { rows } = await list(organisme.id, cookie, "?apprenant=arnaud");
    const response = await apiFetch(`/api/organismes/${organisme.id}/effectifs/${rows[0].effectifId}`, { cookie });
    expect(response.status).toBe(200);
    const { effectif } = (await response.json()) as {
      effectif: { parcours: { date: string; statut: string }[]; dossier: Record<string, unknown> };
    };
    expect(effectif.parcours).toContainEqual({ date: "2024-01-10", statut: "RUPTURANT" });
    expect(effectif.dossier).not.toHaveProperty("nir_apprenant");

    const other = await createOrganisme();
    const otherCookie = await loginAs((await createUser({ organismeId: other.id })).email);
    expect(
      (await apiFetch(`/api/organismes/${organisme.id}/effectifs/${rows[0].effectifId}`, { cookie: otherCookie }))
        .status,
    ).toBe(403);
    expect(
      (await apiFetch(`/api/organismes/${other.id}/effectifs/${rows[0].effectifId}`, { cookie: otherCookie })).status,
    ).toBe(404);
  });

  it("exports every row and logs the download", async () => {
    const { organisme, cookie } = await organismeAvecDossiers();
    const response = await apiFetch(`/api/organismes/${organisme.id}/effectifs/export?format=xlsx`, { cookie });
    expect(response.status).toBe(200);
    expect(((await response.json()) as List).rows).toHaveLength(4);
    const log = await env.DB.prepare("SELECT kind FROM downloads_log WHERE organisme_id = ?")
      .bind(organisme.id)
      .all<{ kind: string }>();
    expect(log.results).toEqual([{ kind: "effectifs-xlsx" }]);
  });
});
