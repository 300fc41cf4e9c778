import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DOSSIER_FIELDS,
  dossierApprenantSchema,
  mergeDossiers,
  validateDossier,
  validateDossiers,
  validateDossiersBody,
  type DossierNormalise,
} from "../../worker/domain/dossier";
import { anneeScolaireOf, anneeCivileOf } from "../../worker/domain/annee-scolaire";
import { generateDossiers } from "../../tools/demo/dossiers";

const valide = {
  nom_apprenant: "Martin",
  prenom_apprenant: "Léa",
  date_de_naissance_apprenant: "2005-03-14",
  annee_scolaire: "2023-2024",
  id_erp_apprenant: "A1",
  date_inscription_formation: "2023-09-01",
  date_entree_formation: "2023-09-01",
  date_fin_formation: "2025-06-30",
  etablissement_responsable_uai: "0123456A",
  etablissement_responsable_siret: "12345678900012",
  etablissement_formateur_uai: "0123456A",
  etablissement_formateur_siret: "12345678900012",
};

const REQUIRED = [
  "nom_apprenant",
  "prenom_apprenant",
  "date_de_naissance_apprenant",
  "annee_scolaire",
  "id_erp_apprenant",
  "date_inscription_formation",
  "date_entree_formation",
  "date_fin_formation",
  "etablissement_responsable_uai",
  "etablissement_responsable_siret",
  "etablissement_formateur_uai",
  "etablissement_formateur_siret",
];

const anyValue = fc.oneof(
  fc.string(),
  // any UTF-16 code unit, lone surrogates included
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
  fc.array(fc.anything()),
);

describe("validateDossier (properties)", () => {
  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        validateDossier(input);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on dossiers whose known fields hold any value, and every error names a known field", () => {
    const fieldNames = fc.constantFrom(...DOSSIER_FIELDS.map(String));
    fc.assert(
      fc.property(fc.dictionary(fieldNames, anyValue), (overrides) => {
        const result = validateDossier({ ...valide, ...overrides });
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(DOSSIER_FIELDS.map(String)).toContain(error.path);
            expect(error.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives every missing required field its own error with its path", () => {
    fc.assert(
      fc.property(fc.subarray(REQUIRED, { minLength: 1 }), (missing) => {
        const input: Record<string, unknown> = { ...valide };
        for (const key of missing) input[key] = fc.sample(fc.constantFrom(undefined, null, "", "  "), 1)[0];
        const result = validateDossier(input);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          for (const key of missing) expect(result.errors).toContainEqual({ path: key, message: "Champ obligatoire" });
        }
      }),
    );
  });

  it("reports an invalid value of a field under that field's path", () => {
    const invalid: [string, unknown][] = [
      ["etablissement_formateur_uai", "12345"],
      ["etablissement_formateur_siret", "123"],
      ["annee_scolaire", "2023-2026"],
      ["date_entree_formation", "01/09/2023"],
      ["date_de_naissance_apprenant", "2005-02-30"],
      ["email_contact", "pas-un-email"],
      ["code_postal_apprenant", "7500A"],
      ["code_commune_insee_apprenant", "7X056"],
      ["sexe_apprenant", "X"],
      ["annee_formation", 6],
      ["formation_rncp", "RNCP1"],
      ["formation_cfd", "123"],
      ["duree_theorique_formation", 5],
      ["duree_theorique_formation_mois", 49],
      ["rqth_apprenant", "peut-être"],
      ["type_cfa", "11"],
      ["tel_apprenant", "12"],
      ["statut_apprenant", 1],
      ["derniere_situation", 1234],
      ["dernier_organisme_uai", "ABC"],
    ];
    for (const [path, value] of invalid) {
      const result = validateDossier({ ...valide, [path]: value });
      expect(result.ok, path).toBe(false);
      if (!result.ok)
        expect(
          result.errors.map((e) => e.path),
          path,
        ).toEqual([path]);
    }
  });
});

describe("validateDossiers (one push, each field value parsed once)", () => {
  const couple = { uai: "0123456A", siret: "12345678900012" };
  const generated = (invalidRatio: number, seed: number) =>
    generateDossiers({
      count: 400,
      seed,
      anneeScolaire: "2023-2024",
      formateur: couple,
      responsable: couple,
      invalidRatio,
      asOf: "2024-06-30",
    });

  it("gives each generated dossier, valid or corrupted, exactly what validateDossier gives it", () => {
    for (const [ratio, seed] of [
      [0, 1],
      [0.5, 2],
      [1, 3],
    ]) {
      const batch = generated(ratio, seed);
      const cached = validateDossiers(batch);
      expect(cached).toEqual(batch.map(validateDossier));
      expect(cached.some((v) => !v.ok)).toBe(ratio > 0);
    }
  });

  it("gives the same results as validateDossier when the same values come back in one push with any field holding anything", () => {
    const fieldNames = fc.constantFrom(...DOSSIER_FIELDS.map(String));
    // Few values per field, so that most of them repeat within the batch and come from the cache.
    const repeated = fc.constantFrom<unknown>(
      "",
      " ",
      "0",
      0,
      -0,
      1,
      "1",
      true,
      "oui",
      null,
      "2023-09-01",
      "01/09/2023",
      "2A004",
      " 75056",
      "A\ud800",
      12345678900012,
      "12345678900012",
      {},
      [1],
    );
    const dossier = fc.oneof(
      fc.dictionary(fieldNames, fc.oneof(repeated, anyValue)).map((overrides) => ({ ...valide, ...overrides })),
      fc.constantFrom<unknown>(null, "dossier", 42, [valide]),
    );
    fc.assert(
      fc.property(fc.array(dossier, { maxLength: 30 }), (batch) => {
        expect(validateDossiers(batch)).toEqual(batch.map(validateDossier));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps -0 apart from 0 (one Map key, two numbers)", () => {
    const batch = [
      { ...valide, annee_formation: 0 },
      { ...valide, annee_formation: -0 },
    ];
    const [zero, minusZero] = validateDossiers(batch);
    expect(zero.ok && Object.is((zero.value as Record<string, unknown>).annee_formation, 0)).toBe(true);
    expect(minusZero).toEqual(validateDossier(batch[1]));
  });
});

describe("validateDossier (normalisation, SPEC §5.1)", () => {
  const value = (overrides: Record<string, unknown>) => {
    const result = validateDossier({ ...valide, ...overrides });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value as Record<string, unknown>;
  };

  it("normalises what ERPs send", () => {
    expect(value({ nom_apprenant: "  de la Tour " }).nom_apprenant).toBe("DE LA TOUR");
    expect(value({ annee_scolaire: "2023/2024" }).annee_scolaire).toBe("2023-2024");
    expect(value({ annee_scolaire: "2024-2024" }).annee_scolaire).toBe("2024-2024");
    expect(value({ id_erp_apprenant: 42 }).id_erp_apprenant).toBe("42");
    expect(value({ etablissement_formateur_siret: "123 456 789.000-12" }).etablissement_formateur_siret).toBe(
      "12345678900012",
    );
    expect(value({ etablissement_formateur_uai: " 0123456a" }).etablissement_formateur_uai).toBe("0123456A");
    expect(value({ code_postal_apprenant: 1000 }).code_postal_apprenant).toBe("01000");
    expect(value({ tel_apprenant: "+33 6 12 34 56 78" }).tel_apprenant).toBe("0612345678");
    expect(value({ tel_apprenant: "06.12.34.56.78" }).tel_apprenant).toBe("0612345678");
    expect(value({ tel_apprenant: "+44 20 7946 0958" }).tel_apprenant).toBe("+442079460958");
    expect(value({ sexe_apprenant: "H" }).sexe_apprenant).toBe("M");
    expect(value({ sexe_apprenant: 1 }).sexe_apprenant).toBe("M");
    expect(value({ sexe_apprenant: "2" }).sexe_apprenant).toBe("F");
    expect(value({ formation_rncp: "35316" }).formation_rncp).toBe("RNCP35316");
    expect(value({ formation_rncp: "rncp 35.316" }).formation_rncp).toBe("RNCP35316");
    expect(value({ type_cfa: 3 }).type_cfa).toBe("03");
    expect(value({ date_entree_formation: "2023-09-01T00:00:00.000Z" }).date_entree_formation).toBe("2023-09-01");
    expect(value({ date_entree_formation: "2023-08-31T22:00:00.000Z" }).date_entree_formation).toBe("2023-09-01");
    expect(value({ rqth_apprenant: "true" }).rqth_apprenant).toBe(true);
  });

  it("drops an invalid employer SIRET without error, ignores unknown fields, treats null as absent, never keeps the NIR", () => {
    const v = value({
      contrat_date_debut: "2023-09-15",
      siret_employeur: "123",
      champ_inconnu: 1,
      email_contact: null,
      nir_apprenant: "105037512345678",
    });
    expect(v.siret_employeur).toBeUndefined();
    expect(v.champ_inconnu).toBeUndefined();
    expect("email_contact" in v).toBe(false);
    expect(v.nir_apprenant).toBeUndefined();
    expect(v.has_nir).toBe(true);
    expect(value({}).has_nir).toBe(false);
    expect(value({ nir_apprenant: " . - " }).has_nir).toBe(false);
  });

  it("refuses a text that is not well-formed UTF-16 under its own field, in one dossier as in a push", () => {
    const input = { ...valide, id_erp_apprenant: "s1\ud800", nom_apprenant: "\udc00", adresse_apprenant: "ok 😀" };
    const result = validateDossier(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path).sort()).toEqual(["id_erp_apprenant", "nom_apprenant"]);
      expect(result.errors[0].message).toMatch(/Texte mal formé/);
    }
    expect(validateDossiers([input])).toEqual([result]);
  });

  it("keeps a dossier whose NIR is an object that cannot be turned into text (found by the property above)", () => {
    const unprintable = { toString: {} };
    expect(validateDossier({ ...valide, nir_apprenant: unprintable }).ok).toBe(true);
    const [result] = validateDossiers([{ ...valide, nir_apprenant: unprintable }]);
    expect(result.ok && result.value.has_nir).toBe(true);
  });

  it("checks across fields: end after start, complete and coherent contract slots", () => {
    const errors = (overrides: Record<string, unknown>) => {
      const r = validateDossier({ ...valide, ...overrides });
      return r.ok ? [] : r.errors;
    };
    expect(errors({ date_fin_formation: "2023-08-31" })[0].path).toBe("date_fin_formation");
    expect(errors({ date_fin_formation: "2023-09-01" })).toEqual([]);
    expect(errors({ contrat_date_fin_3: "2024-01-01" })).toEqual([
      { path: "contrat_date_debut_3", message: "Information de contrat incomplète" },
    ]);
    expect(errors({ cause_rupture_contrat_2: "démission" })).toEqual([
      { path: "contrat_date_debut_2", message: "Information de contrat incomplète" },
    ]);
    expect(errors({ contrat_date_debut: "2024-01-01", contrat_date_rupture: "2023-12-01" })[0].path).toBe(
      "contrat_date_rupture",
    );
  });

  it("keeps the valid fields of an invalid dossier", () => {
    const r = validateDossier({ ...valide, etablissement_formateur_uai: "faux" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.partial.nom_apprenant).toBe("MARTIN");
  });
});

describe("mergeDossiers", () => {
  const v = (o: Record<string, unknown>) => {
    const r = validateDossier({ ...valide, ...o });
    if (!r.ok) throw new Error("invalid");
    return r.value;
  };
  it("sent values overwrite, absent ones never erase, contracts are replaced whole", () => {
    const stored = v({
      email_contact: "a@b.fr",
      contrat_date_debut: "2023-09-01",
      contrat_date_debut_2: "2024-01-01",
      nir_apprenant: "1",
    });
    const merged = mergeDossiers(stored, v({ prenom_apprenant: "Zoé", contrat_date_debut: "2023-10-01" })) as Record<
      string,
      unknown
    >;
    expect(merged).toMatchObject({
      prenom_apprenant: "Zoé",
      email_contact: "a@b.fr",
      contrat_date_debut: "2023-10-01",
      has_nir: true,
    });
    expect(merged.contrat_date_debut_2).toBeUndefined();
    const sansContrat = mergeDossiers(stored, v({})) as Record<string, unknown>;
    expect(sansContrat.contrat_date_debut_2).toBe("2024-01-01");
  });

  it("is idempotent: merging the same dossier again gives the same JSON", () => {
    const sent = v({ email_contact: "a@b.fr", contrat_date_debut: "2023-09-01" });
    const once = mergeDossiers(null, sent);
    expect(JSON.stringify(mergeDossiers(once, sent))).toBe(JSON.stringify(once));
    expect(JSON.stringify(mergeDossiers(once, v({})))).toBe(JSON.stringify(once as DossierNormalise));
  });
});

describe("the body of a push and the schema", () => {
  it("wants an array of at most 2000 dossiers", () => {
    expect(validateDossiersBody({}).ok).toBe(false);
    expect(validateDossiersBody(new Array(2001).fill({})).ok).toBe(false);
    expect(validateDossiersBody(new Array(2000).fill({})).ok).toBe(true);
  });

  it("can be described as JSON Schema (for the OpenAPI document)", () => {
    const schema = z.toJSONSchema(dossierApprenantSchema, { io: "input" }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toContain("contrat_date_debut_4");
    expect(schema.required.sort()).toEqual([...REQUIRED].sort());
  });
});

describe("année scolaire", () => {
  it("starts on 1 August", () => {
    expect(anneeScolaireOf("2023-07-31")).toBe("2022-2023");
    expect(anneeScolaireOf("2023-08-01")).toBe("2023-2024");
    expect(anneeCivileOf("2023-08-01")).toBe("2023-2023");
  });
});
