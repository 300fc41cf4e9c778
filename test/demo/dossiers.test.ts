import { describe, expect, it } from "vitest";
import { generateDossiers, type GenerateDossiersOptions } from "../../tools/demo/dossiers";
import { validateDossier } from "../../worker/domain/dossier";

const options: GenerateDossiersOptions = {
  count: 300,
  seed: 42,
  anneeScolaire: "2024-2025",
  formateur: { uai: "0691078X", siret: "16930542250535" },
  responsable: { uai: "0690590S", siret: "16930542216734" },
};

describe("generateDossiers", () => {
  it("is deterministic, and dossier i does not depend on how many are generated", () => {
    const dossiers = generateDossiers(options);
    expect(generateDossiers(options)).toEqual(dossiers);
    expect(generateDossiers({ ...options, count: 10 })).toEqual(dossiers.slice(0, 10));
    expect(new Set(dossiers.map((d) => d.id_erp_apprenant)).size).toBe(300);
    expect(generateDossiers({ ...options, seed: 43 })[0]).not.toEqual(dossiers[0]);
  });

  it("produces valid dossiers of the given organismes and year, with contracts, ruptures and learners without contract", () => {
    const dossiers = generateDossiers(options);
    for (const d of dossiers) {
      const validation = validateDossier(d);
      expect(validation.ok ? [] : validation.errors).toEqual([]);
      expect(d).toMatchObject({
        annee_scolaire: "2024-2025",
        etablissement_formateur_uai: "0691078X",
        etablissement_responsable_siret: "16930542216734",
      });
    }
    const share = (predicate: (d: Record<string, unknown>) => boolean) =>
      dossiers.filter(predicate).length / dossiers.length;
    expect(share((d) => d.contrat_date_debut === undefined)).toBeGreaterThan(0.03);
    expect(share((d) => d.contrat_date_rupture !== undefined)).toBeGreaterThan(0.03);
    expect(share((d) => d.contrat_date_debut_2 !== undefined)).toBeGreaterThan(0);
    expect(new Set(dossiers.map((d) => d.libelle_court_formation)).size).toBeGreaterThan(8);
  });

  it("makes about invalidRatio of the records invalid, each with at least one error", () => {
    const dossiers = generateDossiers({ ...options, invalidRatio: 0.2 });
    const invalid = dossiers.map(validateDossier).filter((v) => !v.ok);
    expect(invalid.length).toBeGreaterThan(30);
    expect(invalid.length).toBeLessThan(90);
    for (const v of invalid) expect(v.ok ? [] : v.errors.length).toBeGreaterThan(0);
  });

  it("puts no rupture, exclusion or new contract after asOf", () => {
    const asOf = "2024-10-15";
    for (const d of generateDossiers({ ...options, asOf })) {
      for (const key of ["contrat_date_rupture", "date_exclusion_formation", "contrat_date_debut_2"]) {
        if (d[key] !== undefined) expect(String(d[key]) <= asOf).toBe(true);
      }
    }
  });
});
