import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";
import type { DoublonsPage } from "../../worker/domain/doublons";
import { RAISON_DOUBLON } from "../../worker/domain/doublons";

const importer = (organismeId: string, cookie: string, dossiers: unknown[]) =>
  apiFetch(`/api/organismes/${organismeId}/fichier/import`, { cookie, body: { dossiers } });

const liste = async (organismeId: string, cookie: string, query = "") => {
  const response = await apiFetch(`/api/organismes/${organismeId}/doublons${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as DoublonsPage;
};

const resoudre = (organismeId: string, cookie: string, body: unknown) =>
  apiFetch(`/api/organismes/${organismeId}/doublons/resolution`, { cookie, body });

/** The counters kept by triggers (territorial indicators), summed for the organisme. */
const compteurs = async (organismeId: string) =>
  (
    await env.DB.prepare(
      "SELECT mois, statut, n FROM effectif_statuts_mois WHERE organisme_id = ? AND n <> 0 ORDER BY mois, statut",
    )
      .bind(organismeId)
      .all()
  ).results;

const indicateurs = async (organismeId: string, cookie: string) =>
  (
    (await (await apiFetch(`/api/organismes/${organismeId}/indicateurs?date=2024-01-15`, { cookie })).json()) as {
      indicateurs: Record<string, number>;
    }
  ).indicateurs;

/** Léa Martin pushed by the ERP (E1), then the same learner imported by file under another id (F1). */
async function doublonErpPuisFichier() {
  const { organisme, key } = await organismeAvecCle();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  expect((await push(key, [dossier(organisme, { id_erp_apprenant: "E1" })])).status).toBe(200);
  const avant = { compteurs: await compteurs(organisme.id), indicateurs: await indicateurs(organisme.id, cookie) };
  const response = await importer(organisme.id, cookie, [
    dossier(organisme, { id_erp_apprenant: "F1", nom_apprenant: "MARTIN", prenom_apprenant: "lea" }),
  ]);
  expect(response.status).toBe(200);
  return { organisme, key, cookie, avant };
}

describe("Doublons: the list and its resolution", { timeout: 30_000 }, () => {
  it("lists a pair with both dossiers side by side, the reason, and counts it on the dashboard", async () => {
    const { organisme, cookie } = await doublonErpPuisFichier();
    const page = await liste(organisme.id, cookie);
    expect(page.total).toBe(1);
    const [d] = page.doublons;
    expect(d.raison).toBe(RAISON_DOUBLON);
    expect(d.anneeScolaire).toBe("2023-2024");
    const bySource = Object.fromEntries([d.a, d.b].map((x) => [x.source, x]));
    expect(bySource.erp).toMatchObject({ idErpApprenant: "E1", supprimable: false, formation: "CAP PATISSIER" });
    expect(bySource.fichier).toMatchObject({ idErpApprenant: "F1", supprimable: true });
    expect(bySource.fichier.statut).toBe(bySource.erp.statut);
    expect(bySource.fichier.statut).not.toBeNull();
    expect(bySource.fichier.organisme).toBe(organisme.raisonSociale);
    const fiche = (await (await apiFetch(`/api/organismes/${organisme.id}`, { cookie })).json()) as {
      organisme: { doublonsATraiter: number };
    };
    expect(fiche.organisme.doublonsATraiter).toBe(1);
    // paging
    expect((await liste(organisme.id, cookie, "?page=2&taille=1")).doublons).toEqual([]);
  });

  it("keeps the ERP's dossier: removes the file's, its data in the audit log, counters exact, pair resolved", async () => {
    const { organisme, cookie, avant } = await doublonErpPuisFichier();
    const [d] = (await liste(organisme.id, cookie)).doublons;
    const erp = d.a.source === "erp" ? d.a : d.b;
    const fichier = d.a.source === "erp" ? d.b : d.a;
    expect(await indicateurs(organisme.id, cookie)).not.toEqual(avant.indicateurs);

    const response = await resoudre(organisme.id, cookie, { effectifs: [d.a.id, d.b.id], conserver: erp.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ etat: "resolu", conserve: erp.id, supprime: fichier.id });

    expect(await env.DB.prepare("SELECT id FROM effectifs WHERE id = ?").bind(fichier.id).first()).toBeNull();
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM effectif_statuts WHERE effectif_id = ?").bind(fichier.id).first(),
    ).toEqual({ n: 0 });
    // the counters are those of the ERP's dossier alone, as before the file
    expect(await compteurs(organisme.id)).toEqual(avant.compteurs);
    expect(await indicateurs(organisme.id, cookie)).toEqual(avant.indicateurs);
    const pair = await env.DB.prepare("SELECT etat, conserve, resolu_par AS par FROM doublons WHERE effectif_a = ?")
      .bind([erp.id, fichier.id].sort()[0])
      .first();
    expect(pair).toMatchObject({ etat: "resolu", conserve: erp.id });
    const audit = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE organisme_id = ? AND action = ?")
      .bind(organisme.id, "doublon_resolu")
      .first<{ detail: string }>();
    const detail = JSON.parse(audit!.detail) as { dossier: Record<string, unknown>; supprime: string };
    expect(detail.supprime).toBe(fichier.id);
    expect(detail.dossier).toMatchObject({ id_erp_apprenant: "F1", nom_apprenant: "MARTIN" });
    expect((await liste(organisme.id, cookie)).total).toBe(0);
  });

  it("refuses to remove the ERP-fed dossier with a French 409, and changes nothing", async () => {
    const { organisme, cookie } = await doublonErpPuisFichier();
    const [d] = (await liste(organisme.id, cookie)).doublons;
    const fichier = d.a.source === "erp" ? d.b : d.a;
    const response = await resoudre(organisme.id, cookie, { effectifs: [d.a.id, d.b.id], conserver: fichier.id });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/transmis par votre ERP/);
    expect((await liste(organisme.id, cookie)).total).toBe(1);
  });

  it("« Ce n'est pas un doublon »: the pair is never suggested again, even after new pushes", async () => {
    const { organisme, key, cookie } = await doublonErpPuisFichier();
    const [d] = (await liste(organisme.id, cookie)).doublons;
    const response = await resoudre(organisme.id, cookie, { effectifs: [d.b.id, d.a.id] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ etat: "pas_un_doublon" });
    expect((await liste(organisme.id, cookie)).total).toBe(0);
    // both pushed again, changed: still not suggested
    expect(
      (await push(key, [dossier(organisme, { id_erp_apprenant: "E1", tel_apprenant: "0611223344" })])).status,
    ).toBe(200);
    expect(
      (
        await importer(organisme.id, cookie, [
          dossier(organisme, { id_erp_apprenant: "F1", nom_apprenant: "Martin", tel_apprenant: "0699887766" }),
        ])
      ).status,
    ).toBe(200);
    expect((await liste(organisme.id, cookie)).total).toBe(0);
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE organisme_id = ? AND action = ?")
      .bind(organisme.id, "doublon_pas_un_doublon")
      .first();
    expect(audit).toEqual({ n: 1 });
    // a second resolution of the same pair: a French 404
    const again = await resoudre(organisme.id, cookie, { effectifs: [d.a.id, d.b.id] });
    expect(again.status).toBe(404);
  });

  it("is the organisme's and its formateurs' only: another organisme gets a 403, a pair outside the scope a 404", async () => {
    const { organisme, cookie } = await doublonErpPuisFichier();
    const [d] = (await liste(organisme.id, cookie)).doublons;
    const autre = await createOrganisme();
    const autreCookie = await loginAs((await createUser({ organismeId: autre.id })).email);
    expect((await apiFetch(`/api/organismes/${organisme.id}/doublons`, { cookie: autreCookie })).status).toBe(403);
    expect((await resoudre(organisme.id, autreCookie, { effectifs: [d.a.id, d.b.id], conserver: d.a.id })).status).toBe(
      403,
    );
    expect((await resoudre(autre.id, autreCookie, { effectifs: [d.a.id, d.b.id] })).status).toBe(404);
    expect((await liste(autre.id, autreCookie)).total).toBe(0);
    expect((await liste(organisme.id, cookie)).total).toBe(1);
  });

  it("lists the pairs of a formateur under its responsable", async () => {
    const { organisme: responsable, key } = await organismeAvecCle();
    const formateur = await createOrganisme();
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(responsable.id, formateur.id)
      .run();
    const cookie = await loginAs((await createUser({ organismeId: responsable.id })).email);
    const sous = (id: string, f: typeof formateur) =>
      dossier(responsable, {
        id_erp_apprenant: id,
        etablissement_formateur_uai: f.uai,
        etablissement_formateur_siret: f.siret,
      });
    expect((await push(key, [sous("R1", responsable), sous("R2", formateur)])).status).toBe(200);
    const page = await liste(responsable.id, cookie);
    expect(page.total).toBe(1);
    expect(new Set([page.doublons[0].a.organismeId, page.doublons[0].b.organismeId])).toEqual(
      new Set([responsable.id, formateur.id]),
    );
  });

  it("drops a pair once a correction tells the two learners apart", async () => {
    const { organisme, cookie } = await doublonErpPuisFichier();
    const [d] = (await liste(organisme.id, cookie)).doublons;
    const fichier = d.a.source === "erp" ? d.b : d.a;
    const response = await apiFetch(`/api/organismes/${organisme.id}/effectifs/${fichier.id}`, {
      cookie,
      method: "PUT",
      body: { dossier: dossier(organisme, { id_erp_apprenant: "F1", date_de_naissance_apprenant: "2006-04-02" }) },
    });
    expect(response.status).toBe(200);
    expect((await liste(organisme.id, cookie)).total).toBe(0);
  });
});
