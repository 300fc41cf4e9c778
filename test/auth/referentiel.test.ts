import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { computeFiabilite } from "../../worker/domain/fiabilite";
import { PBKDF2_ITERATIONS, hashPassword, verifyPassword } from "../../worker/lib/crypto";
import { apiFetch, createOrganisation, createOrganisme } from "../helpers/accounts";

describe("référentiel look-up for the sign-up", () => {
  it("finds an organisme by UAI, whatever the case and spaces", async () => {
    const organisme = await createOrganisme({
      uai: "0751234A",
      siret: "12345678900011",
      raisonSociale: "CFA DES MÉTIERS",
    });
    const response = await apiFetch("/api/referentiel/organismes?uai=%200751234a%20");
    expect(response.status).toBe(200);
    const { organismes } = await response.json<{ organismes: Record<string, unknown>[] }>();
    expect(organismes).toHaveLength(1);
    expect(organismes[0]).toMatchObject({
      id: organisme.id,
      uai: "0751234A",
      siret: "12345678900011",
      raison_sociale: "CFA DES MÉTIERS",
      ferme: false,
      fiable: true,
      fiabilite_raison: "Le couple UAI SIRET est présent dans le référentiel",
    });
  });

  it("finds every organisme of a SIRET written with spaces, dots or dashes", async () => {
    await createOrganisme({ uai: "0691111B", siret: "98765432100017" });
    await createOrganisme({ uai: "0692222C", siret: "98765432100017", ferme: true });
    const response = await apiFetch("/api/referentiel/organismes?siret=987%20654.321-00017");
    const { organismes } = await response.json<{
      organismes: { uai: string; fiable: boolean; fiabilite_raison: string }[];
    }>();
    expect(organismes.map((o) => o.uai).sort()).toEqual(["0691111B", "0692222C"]);
    const ferme = organismes.find((o) => o.uai === "0692222C");
    expect(ferme).toMatchObject({ fiable: false, fiabilite_raison: "Le SIRET de l'organisme est fermé" });
  });

  it("answers an empty list with 'Aucun organisme trouvé' for an unknown couple", async () => {
    await createOrganisme({ uai: "0333333D", siret: "11122233300044" });
    const response = await apiFetch("/api/referentiel/organismes?uai=0333333D&siret=99988877700066");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ organismes: [], message: "Aucun organisme trouvé" });
  });

  it("rejects malformed UAI and SIRET with French messages", async () => {
    const uai = await apiFetch("/api/referentiel/organismes?uai=075123A");
    expect(uai.status).toBe(400);
    expect((await uai.json<{ message: string }>()).message).toMatch(/^UAI invalide/);
    const siret = await apiFetch("/api/referentiel/organismes?siret=1234");
    expect(siret.status).toBe(400);
    expect((await siret.json<{ message: string }>()).message).toBe("Siret invalide. Format attendu : 14 chiffres");
    const none = await apiFetch("/api/referentiel/organismes");
    expect(none.status).toBe(400);
    expect((await none.json<{ message: string }>()).message).toBe("Indiquez un UAI ou un SIRET.");
    const blank = await apiFetch("/api/referentiel/organismes?uai=%20&siret=");
    expect((await blank.json<{ message: string }>()).message).toBe("Indiquez un UAI ou un SIRET.");
  });

  it("lists the réseaux known from their members and from réseau users' organisations, once each, in order", async () => {
    const organisme = await createOrganisme();
    await env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES ('ZZ-TEST-B', ?), ('ZZ-TEST-A', ?)")
      .bind(organisme.id, organisme.id)
      .run();
    await createOrganisation({ type: "RESEAU", reseau: "ZZ-TEST-B" });
    await createOrganisation({ type: "RESEAU", reseau: "ZZ-TEST-C" });
    const { reseaux } = await (await apiFetch("/api/referentiel/reseaux")).json<{ reseaux: string[] }>();
    expect(reseaux.filter((r) => r.startsWith("ZZ-TEST-"))).toEqual(["ZZ-TEST-A", "ZZ-TEST-B", "ZZ-TEST-C"]);
  });

  it("lists the territories that have organismes, with their names", async () => {
    await createOrganisme({ region: "84", departement: "69", academie: "10" });
    const { regions, departements, academies } = await (
      await apiFetch("/api/referentiel/territoires")
    ).json<{
      regions: { code: string; nom: string }[];
      departements: { code: string; nom: string }[];
      academies: { code: string; nom: string }[];
    }>();
    expect(regions).toContainEqual({ code: "84", nom: "Auvergne-Rhône-Alpes" });
    expect(departements).toContainEqual({ code: "69", nom: "Rhône" });
    expect(academies).toContainEqual({ code: "10", nom: "Lyon" });
    expect(regions.map((r) => r.code)).not.toContain("53");
  });
});

describe("fiabilité", () => {
  it("is fiable only when in the référentiel and not closed", () => {
    expect(computeFiabilite({ referentiel: true, ferme: false })).toEqual({
      fiable: true,
      raison: "Le couple UAI SIRET est présent dans le référentiel",
    });
    expect(computeFiabilite({ referentiel: false, ferme: false })).toEqual({
      fiable: false,
      raison: "Le couple UAI SIRET n'est pas présent dans le référentiel",
    });
    expect(computeFiabilite({ referentiel: true, ferme: true }).fiable).toBe(false);
    expect(computeFiabilite({ referentiel: false, ferme: true }).fiable).toBe(false);
  });
});

describe("password hashing", () => {
  it("keeps PBKDF2 within the production cap of 100,000 iterations and stores the parameters", async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const stored = await hashPassword("un mot de passe solide");
    expect(stored.startsWith(`pbkdf2-sha256$${PBKDF2_ITERATIONS}$`)).toBe(true);
    expect(await verifyPassword("un mot de passe solide", stored)).toBe(true);
    expect(await verifyPassword("un autre mot de passe", stored)).toBe(false);
  });
});
