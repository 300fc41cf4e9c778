import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";
import type { EffectifDetailResponse } from "../../worker/domain/effectifs-liste";
import { ERP_SOURCE_DU_DOSSIER } from "../../worker/domain/correction-dossier";

/** An organisme in manual mode... or not: a dossier imported by file (F1) and one pushed by its ERP (E1). */
async function organismeAvecDossiers() {
  const { organisme, key } = await organismeAvecCle();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  expect((await push(key, [dossier(organisme, { id_erp_apprenant: "E1", nom_apprenant: "Erpin" })])).status).toBe(200);
  const imported = await apiFetch(`/api/organismes/${organisme.id}/fichier/import`, {
    cookie,
    body: {
      dossiers: [dossier(organisme, { id_erp_apprenant: "F1", nom_apprenant: "Fichet", tel_apprenant: "0600000000" })],
    },
  });
  expect(imported.status).toBe(200);
  const ids = Object.fromEntries(
    (
      await env.DB.prepare("SELECT id_erp_apprenant AS erp, id FROM effectifs WHERE organisme_id = ?")
        .bind(organisme.id)
        .all<{ erp: string; id: string }>()
    ).results.map((r) => [r.erp, r.id]),
  );
  return { organisme, key, cookie, fichier: ids.F1, erp: ids.E1 };
}

const detail = async (organismeId: string, effectifId: string, cookie: string) =>
  (
    (await (
      await apiFetch(`/api/organismes/${organismeId}/effectifs/${effectifId}`, { cookie })
    ).json()) as EffectifDetailResponse
  ).effectif;

const corriger = (organismeId: string, effectifId: string, cookie: string, body: unknown) =>
  apiFetch(`/api/organismes/${organismeId}/effectifs/${effectifId}`, { cookie, method: "PUT", body });

const supprimer = (organismeId: string, effectifId: string, cookie: string, body: unknown) =>
  apiFetch(`/api/organismes/${organismeId}/effectifs/${effectifId}/suppression`, { cookie, body });

describe("Correcting a dossier by hand", { timeout: 30_000 }, () => {
  it("says which dossiers may be changed: the file's, not the ERP's", async () => {
    const { organisme, cookie, fichier, erp } = await organismeAvecDossiers();
    expect(await detail(organisme.id, fichier, cookie)).toMatchObject({ source: "fichier", modifiable: true });
    expect(await detail(organisme.id, erp, cookie)).toMatchObject({ source: "erp", modifiable: false });
  });

  it("corrects a file's dossier through the pipeline: identity kept, a cleared field cleared, audited", async () => {
    const { organisme, cookie, fichier } = await organismeAvecDossiers();
    const avant = await detail(organisme.id, fichier, cookie);
    const { tel_apprenant: _tel, ...sansTelephone } = avant.dossier as Record<string, unknown>;
    void _tel;
    const response = await corriger(organisme.id, fichier, cookie, {
      dossier: {
        ...sansTelephone,
        prenom_apprenant: "Zoé",
        contrat_date_rupture: "2024-02-01",
        // an identity sent otherwise is ignored
        id_erp_apprenant: "AUTRE",
      },
    });
    expect(response.status).toBe(200);
    const { effectif } = (await response.json()) as EffectifDetailResponse;
    expect(effectif).toMatchObject({ id: fichier, idErpApprenant: "F1", source: "fichier", modifiable: true });
    expect(effectif.dossier.prenom_apprenant).toBe("Zoé");
    expect(effectif.dossier).not.toHaveProperty("tel_apprenant");
    expect(effectif.parcours).toContainEqual({ date: "2024-02-01", statut: "RUPTURANT" });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM effectifs WHERE organisme_id = ?")
      .bind(organisme.id)
      .first();
    expect(count).toEqual({ n: 2 });
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE organisme_id = ? AND action = 'dossier_corrige'",
    )
      .bind(organisme.id)
      .first<{ detail: string }>();
    expect(JSON.parse(audit!.detail).avant).toMatchObject({ prenom_apprenant: "Léa", tel_apprenant: "0600000000" });
  });

  it("answers the API's validation errors in French, field by field, and writes nothing", async () => {
    const { organisme, cookie, fichier } = await organismeAvecDossiers();
    const avant = await detail(organisme.id, fichier, cookie);
    const response = await corriger(organisme.id, fichier, cookie, {
      dossier: { ...avant.dossier, date_entree_formation: "31/02/2024", nom_apprenant: "" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; erreurs: { path: string; message: string }[] };
    expect(body.message).toBe("Le dossier n'a pas été enregistré : corrigez les champs signalés.");
    expect(body.erreurs.map((e) => e.path)).toEqual(expect.arrayContaining(["date_entree_formation", "nom_apprenant"]));
    expect(body.erreurs.find((e) => e.path === "date_entree_formation")?.message).toBe("Date invalide");
    expect((await detail(organisme.id, fichier, cookie)).dossier).toEqual(avant.dossier);
    expect((await detail(organisme.id, fichier, cookie)).invalide).toBe(false);

    const formateur = await corriger(organisme.id, fichier, cookie, {
      dossier: { ...avant.dossier, etablissement_formateur_siret: "12345678901234" },
    });
    expect(formateur.status).toBe(400);
    expect((await corriger(organisme.id, fichier, cookie, { dossier: "x" })).status).toBe(400);
  });

  it("refuses to change an ERP-fed dossier: a French 409 saying the ERP is the source", async () => {
    const { organisme, cookie, erp } = await organismeAvecDossiers();
    const avant = await detail(organisme.id, erp, cookie);
    const response = await corriger(organisme.id, erp, cookie, {
      dossier: { ...avant.dossier, prenom_apprenant: "X" },
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(ERP_SOURCE_DU_DOSSIER);
    expect((await supprimer(organisme.id, erp, cookie, { motif: "erreur" })).status).toBe(409);
  });

  it("lets an organisme that transmits by hand correct every dossier", async () => {
    const { organisme, cookie, erp } = await organismeAvecDossiers();
    await env.DB.prepare("UPDATE organismes SET mode_transmission = 'manuel' WHERE id = ?").bind(organisme.id).run();
    // its user's session reads the organisme's row again for the mode
    const avant = await detail(organisme.id, erp, cookie);
    expect(avant.modifiable).toBe(true);
    const response = await corriger(organisme.id, erp, cookie, {
      dossier: { ...avant.dossier, prenom_apprenant: "Max" },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as EffectifDetailResponse).effectif.source).toBe("fichier");
  });

  it("deletes with a reason: audited with the dossier's data, intervals deleted, its pairs of doublons resolved", async () => {
    const { organisme, cookie, fichier } = await organismeAvecDossiers();
    // a duplicate of F1 by file
    await apiFetch(`/api/organismes/${organisme.id}/fichier/import`, {
      cookie,
      body: { dossiers: [dossier(organisme, { id_erp_apprenant: "F2", nom_apprenant: "Fichet" })] },
    });
    expect((await supprimer(organisme.id, fichier, cookie, { motif: "  " })).status).toBe(400);
    const refus = (await (await supprimer(organisme.id, fichier, cookie, {})).json()) as { message: string };
    expect(refus.message).toBe("Indiquez le motif de la suppression.");

    const response = await supprimer(organisme.id, fichier, cookie, { motif: "Apprenant inscrit par erreur" });
    expect(response.status).toBe(200);
    expect(await env.DB.prepare("SELECT id FROM effectifs WHERE id = ?").bind(fichier).first()).toBeNull();
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM effectif_statuts WHERE effectif_id = ?").bind(fichier).first(),
    ).toEqual({ n: 0 });
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE organisme_id = ? AND action = 'dossier_supprime'",
    )
      .bind(organisme.id)
      .first<{ detail: string }>();
    const detailAudit = JSON.parse(audit!.detail) as { motif: string; dossier: Record<string, unknown> };
    expect(detailAudit.motif).toBe("Apprenant inscrit par erreur");
    expect(detailAudit.dossier).toMatchObject({ id_erp_apprenant: "F1", nom_apprenant: "FICHET" });
    const pairs = await env.DB.prepare("SELECT etat FROM doublons WHERE effectif_a = ?1 OR effectif_b = ?1")
      .bind(fichier)
      .all<{ etat: string }>();
    expect(pairs.results.length).toBeGreaterThan(0);
    expect(pairs.results.every((p) => p.etat === "resolu")).toBe(true);
    // gone from Mes effectifs
    const list = (await (
      await apiFetch(`/api/organismes/${organisme.id}/effectifs?apprenant=fichet`, { cookie })
    ).json()) as {
      total: number;
    };
    expect(list.total).toBe(1);
  });

  it("is the organisme's only", async () => {
    const { organisme, cookie, fichier } = await organismeAvecDossiers();
    const autre = await createOrganisme();
    const autreCookie = await loginAs((await createUser({ organismeId: autre.id })).email);
    const avant = await detail(organisme.id, fichier, cookie);
    expect((await corriger(organisme.id, fichier, autreCookie, { dossier: avant.dossier })).status).toBe(403);
    expect((await corriger(autre.id, fichier, autreCookie, { dossier: avant.dossier })).status).toBe(404);
    expect((await supprimer(autre.id, fichier, autreCookie, { motif: "x" })).status).toBe(404);
  });
});
