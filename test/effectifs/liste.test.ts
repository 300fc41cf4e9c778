import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";
import type { EffectifsPage } from "../../worker/domain/effectifs-liste";
import type { FormateursResponse } from "../../worker/domain/organisme-fiche";

async function responsableEtFormateur() {
  const { organisme, key } = await organismeAvecCle();
  const formateur = await createOrganisme({ enseigne: "ANTENNE DE TEST" });
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(organisme.id, formateur.id)
    .run();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  const chez = (f: { uai: string | null; siret: string }) => ({
    etablissement_formateur_uai: f.uai,
    etablissement_formateur_siret: f.siret,
  });
  const response = await push(key, [
    dossier(organisme, { id_erp_apprenant: "1", nom_apprenant: "Bernard", sexe_apprenant: "F", ...chez(formateur) }),
    dossier(organisme, {
      id_erp_apprenant: "2",
      nom_apprenant: "Arnaud",
      sexe_apprenant: "M",
      contrat_date_debut: "2023-10-02",
      formation_cfd: "50022137",
    }),
    dossier(organisme, {
      id_erp_apprenant: "3",
      nom_apprenant: "Caron",
      contrat_date_debut: null,
      contrat_date_fin: null,
      siret_employeur: null,
    }),
    dossier(organisme, { id_erp_apprenant: "4", nom_apprenant: "Arnaud", contrat_date_debut: "2023-09-01" }),
  ]);
  expect(response.status).toBe(200);
  return { organisme, key, formateur, cookie };
}

const list = async (organismeId: string, cookie: string, query = "") => {
  const response = await apiFetch(`/api/organismes/${organismeId}/effectifs${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as EffectifsPage;
};
const noms = (page: EffectifsPage) => page.rows.map((r) => `${r.apprenant}#${r.identity.split("|")[1]}`);

describe("Mes effectifs: sorting, organisme formateur, the seed's wording", { timeout: 30_000 }, () => {
  it("sorts by a column on the server, stable (ties by arrival), desc the exact reverse, empty values last, paging kept", async () => {
    const { organisme, cookie } = await responsableEtFormateur();
    expect(noms(await list(organisme.id, cookie))).toEqual([
      "ARNAUD Léa#2",
      "ARNAUD Léa#4",
      "BERNARD Léa#1",
      "CARON Léa#3",
    ]);
    expect(noms(await list(organisme.id, cookie, "?tri=apprenant&ordre=desc"))).toEqual([
      "CARON Léa#3",
      "BERNARD Léa#1",
      "ARNAUD Léa#4",
      "ARNAUD Léa#2",
    ]);
    // dates sort as dates (01/09 before 15/09 before 02/10), an empty one last in both directions
    expect(noms(await list(organisme.id, cookie, "?tri=debut"))).toEqual([
      "ARNAUD Léa#4",
      "BERNARD Léa#1",
      "ARNAUD Léa#2",
      "CARON Léa#3",
    ]);
    expect(noms(await list(organisme.id, cookie, "?tri=debut&ordre=desc"))).toEqual([
      "ARNAUD Léa#2",
      "BERNARD Léa#1",
      "ARNAUD Léa#4",
      "CARON Léa#3",
    ]);
    const page2 = await list(organisme.id, cookie, "?tri=debut&taille=2&page=2");
    expect(page2.total).toBe(4);
    expect(noms(page2)).toEqual(["ARNAUD Léa#2", "CARON Léa#3"]);
    // the same page twice: the same rows (stable)
    expect(noms(await list(organisme.id, cookie, "?tri=statut&taille=2&page=2"))).toEqual(
      noms(await list(organisme.id, cookie, "?tri=statut&taille=2&page=2")),
    );
    const refus = await apiFetch(`/api/organismes/${organisme.id}/effectifs?tri=nir`, { cookie });
    expect(refus.status).toBe(400);
    expect(((await refus.json()) as { message: string }).message).toBe(
      "Le tri demandé n'est pas une colonne de la liste.",
    );
  });

  it("shows and filters the organisme formateur", async () => {
    const { organisme, formateur, cookie } = await responsableEtFormateur();
    const all = await list(organisme.id, cookie, "?tri=organisme");
    expect(all.rows.map((r) => r.organisme)).toEqual([
      "ANTENNE DE TEST",
      organisme.raisonSociale,
      organisme.raisonSociale,
      organisme.raisonSociale,
    ]);
    const seul = await list(organisme.id, cookie, `?formateur=${formateur.id}`);
    expect(seul.total).toBe(1);
    expect(seul.rows[0]).toMatchObject({ organismeId: formateur.id, apprenant: "BERNARD Léa" });
    expect((await list(organisme.id, cookie, "?formateur=inconnu")).total).toBe(0);
    const formateurs = (await (
      await apiFetch(`/api/organismes/${organisme.id}/formateurs`, { cookie })
    ).json()) as FormateursResponse;
    expect(formateurs.organismes.map((o) => o.id)).toEqual([organisme.id, formateur.id]);
  });

  it("gives the formation's dates and diploma, the sexe, and keeps an invalid dossier's effectif data", async () => {
    const { organisme, key, cookie } = await responsableEtFormateur();
    const [arnaud] = (await list(organisme.id, cookie)).rows;
    expect(arnaud).toMatchObject({
      formation: "CAP PATISSIER",
      formationDebut: "01/09/2023",
      formationFin: "30/06/2025",
      diplome: "CFD 50022137",
      sexe: "M",
    });
    // Caron pushed again, invalid: the row stays with the effectif's statut, employer and dates
    expect(
      (
        await push(key, [
          dossier(organisme, {
            id_erp_apprenant: "2",
            nom_apprenant: "Arnaud",
            sexe_apprenant: "M",
            contrat_date_debut: "2023-10-02",
            date_de_naissance_apprenant: "pas une date",
          }),
        ])
      ).status,
    ).toBe(200);
    const [invalide] = (await list(organisme.id, cookie)).rows;
    expect(invalide).toMatchObject({
      etat: "Invalide pour TBA",
      statut: arnaud.statut,
      employeur: "98765432100017",
      debut: "02/10/2023",
      fin: "30/06/2025",
    });
    expect(invalide.effectifId).not.toBeNull();
  });
});
