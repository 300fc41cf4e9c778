import { describe, expect, it } from "vitest";
import { departementFromCodePostal, normaliseLine } from "../../db/referentiel/normalise";

const line = (fields: Record<string, unknown>) => normaliseLine({ position: "ligne 2", fields });
const base = { uai: "0691078X", siret: "16930542250535", raison_sociale: "CFA BTP RHÔNE" };

describe("normaliseLine", () => {
  it("normalises UAI, SIRET and codes, and leaves what the file does not give as null", () => {
    expect(
      line({
        ...base,
        uai: " 0691078x ",
        siret: "169.305.422-50 535",
        departement: "1",
        region: "84",
        academie: "A10",
      }),
    ).toEqual({
      ok: true,
      position: "ligne 2",
      formateurs: [],
      organisme: {
        uai: "0691078X",
        siret: "16930542250535",
        raisonSociale: "CFA BTP RHÔNE",
        enseigne: null,
        nature: null,
        adresse: null,
        codePostal: null,
        commune: null,
        departement: "01",
        region: "84",
        academie: "10",
        ferme: null,
      },
    });
  });

  it("rejects a bad UAI and a bad SIRET with one reason each, naming the value", () => {
    expect(line({ ...base, uai: "069107X", siret: "1693054225053" })).toEqual({
      ok: false,
      position: "ligne 2",
      reasons: ["UAI invalide : « 069107X »", "Siret invalide. Format attendu : 14 chiffres : « 1693054225053 »"],
    });
    expect(line({ raison_sociale: "" })).toMatchObject({
      ok: false,
      reasons: ["UAI manquant", "SIRET manquant", "Raison sociale manquante"],
    });
  });

  it("accepts a SIRET that fails Luhn: the format is all the référentiel checks (SPEC §2)", () => {
    expect(line({ ...base, siret: "16930542250536" })).toMatchObject({
      ok: true,
      organisme: { siret: "16930542250536" },
    });
  });

  it("understands the natures and ferme values found in exports", () => {
    expect(line({ ...base, nature: "Responsable et formateur", ferme: "Fermé" })).toMatchObject({
      organisme: { nature: "responsable_formateur", ferme: true },
    });
    expect(line({ ...base, nature: "Lieu de formation", ferme: "A" })).toMatchObject({
      organisme: { nature: "lieu_formation", ferme: false },
    });
    expect(line({ ...base, nature: "FORMATEUR", ferme: 1 })).toMatchObject({
      organisme: { nature: "formateur", ferme: true },
    });
    expect(line({ ...base, ferme: false })).toMatchObject({ organisme: { ferme: false } });
    expect(line({ ...base, nature: "école", ferme: "peut-être", code_postal: "6910A", departement: "100" })).toEqual({
      ok: false,
      position: "ligne 2",
      reasons: [
        "Code postal invalide : « 6910A »",
        "Département invalide : « 100 »",
        "Nature inconnue : « école »",
        "Valeur de « ferme » invalide : « peut-être » (attendu : 0 ou 1)",
      ],
    });
  });

  it("derives the département from the code postal when the file does not give it", () => {
    expect(line({ ...base, code_postal: "69003" })).toMatchObject({
      organisme: { codePostal: "69003", departement: "69" },
    });
    // Spreadsheets drop the leading zero of Ain, Aisne… codes postaux.
    expect(line({ ...base, code_postal: 1000 })).toMatchObject({
      organisme: { codePostal: "01000", departement: "01" },
    });
    expect(departementFromCodePostal("97411")).toBe("974");
    expect(departementFromCodePostal("20000")).toBe("2A");
    expect(departementFromCodePostal("20200")).toBe("2B");
  });

  it("reads formateurs from a CSV cell or a JSON array, and rejects a malformed one", () => {
    expect(line({ ...base, formateurs: "0690590s : 16930542216734 | 0693414L 169 305 422 78445" })).toMatchObject({
      formateurs: [
        { uai: "0690590S", siret: "16930542216734" },
        { uai: "0693414L", siret: "16930542278445" },
      ],
    });
    expect(line({ ...base, formateurs: [{ uai: "0690590S", siret: "16930542216734" }] })).toMatchObject({
      formateurs: [{ uai: "0690590S", siret: "16930542216734" }],
    });
    expect(line({ ...base, formateurs: "0690590S" })).toEqual({
      ok: false,
      position: "ligne 2",
      reasons: ["Formateur invalide (attendu UAI:SIRET) : « 0690590S »"],
    });
  });
});
