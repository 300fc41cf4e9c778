import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cleIdentite } from "../../worker/domain/doublons";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

const pairs = async (organismeId: string) =>
  (
    await env.DB.prepare(
      `SELECT a.id_erp_apprenant AS a, b.id_erp_apprenant AS b, d.etat FROM doublons d
         JOIN effectifs a ON a.id = d.effectif_a JOIN effectifs b ON b.id = d.effectif_b
        WHERE d.organisme_a = ?1 OR d.organisme_b = ?1`,
    )
      .bind(organismeId)
      .all<{ a: string; b: string; etat: string }>()
  ).results.map((p) => [p.a, p.b].sort().join("+"));

describe("suspected duplicates, found at ingestion", () => {
  it("normalises nom and prénom: accents, case, spaces, hyphens and apostrophes do not matter", () => {
    expect(cleIdentite(" Lé-a ", "d'Artagnan", "2005-03-14")).toBe(cleIdentite("LEA", "DARTAGNAN", "2005-03-14"));
    expect(cleIdentite("Lea", "Martin", "2005-03-14")).not.toBe(cleIdentite("Lea", "Martin", "2005-03-15"));
    expect(cleIdentite("", "Martin", "2005-03-14")).toBeNull();
  });

  it("pairs two ids of one learner in one année scolaire, once, and not across years or organismes", async () => {
    const { organisme, key } = await organismeAvecCle();
    const autre = await organismeAvecCle();
    const first = await push(key, [
      dossier(organisme, { id_erp_apprenant: "E1", nom_apprenant: "Martin", prenom_apprenant: "Léa" }),
      dossier(organisme, { id_erp_apprenant: "E2", nom_apprenant: "MARTIN", prenom_apprenant: "lea" }),
      // another year: not a duplicate
      dossier(organisme, {
        id_erp_apprenant: "E3",
        annee_scolaire: "2024-2025",
        date_inscription_formation: "2024-09-01",
        date_entree_formation: "2024-09-01",
        contrat_date_debut: "2024-09-15",
      }),
      dossier(organisme, { id_erp_apprenant: "E4", prenom_apprenant: "Noé" }),
    ]);
    expect(first.status).toBe(200);
    expect((await push(autre.key, [dossier(autre.organisme, { id_erp_apprenant: "X1" })])).status).toBe(200);
    expect(await pairs(organisme.id)).toEqual(["E1+E2"]);
    expect(await pairs(autre.organisme.id)).toEqual([]);

    // Pushed again (updated), the pair is not found twice.
    expect(
      (
        await push(key, [
          dossier(organisme, {
            id_erp_apprenant: "E2",
            nom_apprenant: "MARTIN",
            prenom_apprenant: "lea",
            tel_apprenant: "0612345678",
          }),
        ])
      ).status,
    ).toBe(200);
    expect(await pairs(organisme.id)).toEqual(["E1+E2"]);
  });
});
