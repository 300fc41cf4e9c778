import { describe, expect, it } from "vitest";
import { validateDossier, type DossierNormalise } from "../../worker/domain/dossier";
import { computeParcours, statutAt, type ParcoursInput, type Statut } from "../../worker/domain/parcours";
import {
  colonnesManquantes,
  dateEnqueteSifa,
  dateSifa,
  ligneSifa,
  STATUTS_POPULATION_SIFA,
  valeursSifa,
} from "../../worker/domain/sifa";
import { COLONNES_SIFA, COLONNES_SIFA_OBLIGATOIRES, csvSifa } from "../../worker/domain/sifa-fichier";

const DATE_ENQUETE = "2026-12-31";

const minimal = {
  nom_apprenant: "Martin",
  prenom_apprenant: "Léa",
  date_de_naissance_apprenant: "2008-03-14",
  annee_scolaire: "2026-2027",
  id_erp_apprenant: "A1",
  date_inscription_formation: "2026-09-01",
  date_entree_formation: "2026-09-01",
  date_fin_formation: "2028-06-30",
  etablissement_responsable_uai: "0111111A",
  etablissement_responsable_siret: "11111111100011",
  etablissement_formateur_uai: "0222222B",
  etablissement_formateur_siret: "22222222200022",
  contrat_date_debut: "2026-09-15",
  siret_employeur: "98765432100017",
};

const complet = {
  ...minimal,
  ine_apprenant: "1234567890a",
  email_contact: "lea.martin@example.fr",
  tel_apprenant: "06 12 34 56 78",
  adresse_apprenant: "3 rue des Lilas",
  code_postal_apprenant: "63000",
  code_commune_insee_apprenant: "63113",
  code_commune_insee_de_naissance_apprenant: "69123",
  sexe_apprenant: "M",
  rqth_apprenant: false,
  responsable_apprenant_mail1: "parent1@example.fr",
  responsable_apprenant_mail2: "parent2@example.fr",
  derniere_situation: 1003,
  dernier_organisme_uai: "44",
  type_cfa: "3",
  formation_cfd: "50022137",
  formation_rncp: "RNCP35316",
  annee_formation: 1,
  duree_theorique_formation: 2,
};

function normalise(input: Record<string, unknown>): DossierNormalise {
  const result = validateDossier(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const ligne = (
  input: Record<string, unknown>,
  uais: { uaiResponsable?: string | null; uaiFormateur?: string | null } = {},
) =>
  ligneSifa(
    { dossier: normalise(input), uaiResponsable: uais.uaiResponsable ?? null, uaiFormateur: uais.uaiFormateur ?? null },
    DATE_ENQUETE,
  );

describe("SIFA columns", () => {
  it("are the survey's 47 columns in its order, and a line follows it", () => {
    expect(COLONNES_SIFA.join(",")).toBe(
      "INE,NUMERO_UAI,TYPE_CFA,SIT_FORM,UAI_EPLE,NAT_STR_JUR,STATUT,DIPLOME,RNCP,DUR_FORM_THEO,DUR_FORM_REELLE,AN_FORM,NOM,NOM2," +
        "PRENOM1,PRENOM2,PRENOM3,ADRESSE,COD_POST,COM_RESID,TEL_JEUNE,TEL_RESP1_PERSO,TEL_RESP1_PRO,TEL_RESP2_PERSO,TEL_RESP2_PRO," +
        "MAIL_JEUNE,MAIL_RESP1,MAIL_RESP2,DATE_NAIS,LIEU_NAIS,SEXE,REGIME_SCO,PCS,HANDI,NATIO,SIT_AV_APP,DIP_OBT,SIT_N_1,ETAB_N_1," +
        "TYPE_EMP,DATE_ENTREE_CFA,DATE_DEB_CONT,DATE_RUPT_CONT,COM_ETAB,NAF_ETAB,NBSAL_EMP,SIRET_EMP",
    );
    const l = ligne(complet);
    expect(Object.keys(l)).toEqual([...COLONNES_SIFA]);
    const valeurs = valeursSifa(l);
    expect(valeurs).toHaveLength(47);
    expect(valeurs[COLONNES_SIFA.indexOf("SIRET_EMP")]).toBe("98765432100017");
    expect(valeurs[0]).toBe("1234567890A");
  });

  it("map a complete dossier rule by rule", () => {
    expect(ligne(complet, { uaiResponsable: "0333333C", uaiFormateur: "0444444D" })).toEqual({
      INE: "1234567890A",
      NUMERO_UAI: "0333333C",
      TYPE_CFA: "03",
      SIT_FORM: "0444444D",
      UAI_EPLE: "NC",
      NAT_STR_JUR: "NC",
      STATUT: "APP",
      DIPLOME: "50022137",
      RNCP: "RNCP35316",
      DUR_FORM_THEO: "24",
      DUR_FORM_REELLE: "22",
      AN_FORM: "1",
      NOM: "MARTIN",
      NOM2: "",
      PRENOM1: "Léa",
      PRENOM2: "",
      PRENOM3: "",
      ADRESSE: "3 rue des Lilas",
      COD_POST: "63000",
      COM_RESID: "63113",
      TEL_JEUNE: "0612345678",
      TEL_RESP1_PERSO: "",
      TEL_RESP1_PRO: "",
      TEL_RESP2_PERSO: "",
      TEL_RESP2_PRO: "",
      MAIL_JEUNE: "lea.martin@example.fr",
      MAIL_RESP1: "parent1@example.fr",
      MAIL_RESP2: "parent2@example.fr",
      DATE_NAIS: "14032008",
      LIEU_NAIS: "69123",
      SEXE: "1",
      REGIME_SCO: "",
      PCS: "",
      HANDI: "0",
      NATIO: "",
      SIT_AV_APP: "",
      DIP_OBT: "",
      SIT_N_1: "1003",
      ETAB_N_1: "044",
      TYPE_EMP: "",
      DATE_ENTREE_CFA: "01092026",
      DATE_DEB_CONT: "15092026",
      DATE_RUPT_CONT: "",
      COM_ETAB: "",
      NAF_ETAB: "",
      NBSAL_EMP: "",
      SIRET_EMP: "98765432100017",
    });
  });

  it("NUMERO_UAI is the responsable's UAI and SIT_FORM the formateur's, from the dossier when the référentiel has none", () => {
    const l = ligne(minimal);
    expect(l.NUMERO_UAI).toBe("0111111A");
    expect(l.SIT_FORM).toBe("0222222B");
  });

  it("DIPLOME is the CFD, the RNCP code only without CFD, empty without both", () => {
    expect(ligne({ ...minimal, formation_cfd: "50022137", formation_rncp: "RNCP35316" }).DIPLOME).toBe("50022137");
    expect(ligne({ ...minimal, formation_rncp: "35316" }).DIPLOME).toBe("RNCP35316");
    expect(ligne(minimal).DIPLOME).toBe("");
  });

  it("SEXE is 1 for M, 2 otherwise, empty when not sent", () => {
    expect(ligne({ ...minimal, sexe_apprenant: "H" }).SEXE).toBe("1");
    expect(ligne({ ...minimal, sexe_apprenant: "F" }).SEXE).toBe("2");
    expect(ligne(minimal).SEXE).toBe("");
  });

  it("HANDI is 1 with a RQTH, 0 without, empty when not sent", () => {
    expect(ligne({ ...minimal, rqth_apprenant: true }).HANDI).toBe("1");
    expect(ligne({ ...minimal, rqth_apprenant: "non" }).HANDI).toBe("0");
    expect(ligne(minimal).HANDI).toBe("");
  });

  it("DUR_FORM_THEO in months: the months sent, else the years × 12", () => {
    expect(ligne({ ...minimal, duree_theorique_formation_mois: 18, duree_theorique_formation: 2 }).DUR_FORM_THEO).toBe(
      "18",
    );
    expect(ligne({ ...minimal, duree_theorique_formation: 3 }).DUR_FORM_THEO).toBe("36");
    expect(ligne(minimal).DUR_FORM_THEO).toBe("");
  });

  it("DUR_FORM_REELLE is the months from entrée to fin de formation", () => {
    expect(
      ligne({ ...minimal, date_entree_formation: "2026-09-01", date_fin_formation: "2027-08-31" }).DUR_FORM_REELLE,
    ).toBe("12");
    expect(
      ligne({ ...minimal, date_entree_formation: "2026-09-01", date_fin_formation: "2026-09-10" }).DUR_FORM_REELLE,
    ).toBe("1");
  });

  it("ETAB_N_1: an UAI as is, a département on three characters", () => {
    expect(ligne({ ...minimal, dernier_organisme_uai: "0999999z" }).ETAB_N_1).toBe("0999999Z");
    expect(ligne({ ...minimal, dernier_organisme_uai: "2a" }).ETAB_N_1).toBe("02A");
    expect(ligne({ ...minimal, dernier_organisme_uai: "972" }).ETAB_N_1).toBe("972");
  });

  it("employer columns come from the latest contract begun by the survey date, not from one begun after it", () => {
    const l = ligne({
      ...minimal,
      contrat_date_debut: "2026-09-15",
      contrat_date_rupture: "2026-10-31",
      siret_employeur: "11111111111111",
      contrat_date_debut_2: "2026-11-15",
      contrat_date_rupture_2: "2026-12-20",
      siret_employeur_2: "22222222222222",
      contrat_date_debut_3: "2027-01-04",
      siret_employeur_3: "33333333333333",
    });
    expect([l.DATE_DEB_CONT, l.DATE_RUPT_CONT, l.SIRET_EMP]).toEqual(["15112026", "20122026", "22222222222222"]);
  });

  it("the contract slots' order does not matter: the latest by start date wins", () => {
    const l = ligne({
      ...minimal,
      contrat_date_debut: "2026-11-02",
      siret_employeur: "44444444444444",
      contrat_date_debut_2: "2026-09-01",
      contrat_date_fin_2: "2026-10-31",
      siret_employeur_2: "55555555555555",
    });
    expect([l.DATE_DEB_CONT, l.SIRET_EMP]).toEqual(["02112026", "44444444444444"]);
  });
});

describe("dates JJMMAAAA in Europe/Paris", () => {
  it("a day stays that day", () => {
    expect(dateSifa("2008-03-14")).toBe("14032008");
    expect(dateSifa(undefined)).toBe("");
  });

  it("a datetime is the day it is in France, in winter (UTC+1) and in summer (UTC+2)", () => {
    expect(dateSifa("2008-03-14T23:30:00Z")).toBe("15032008");
    expect(dateSifa("2026-06-30T22:30:00Z")).toBe("01072026");
    expect(dateSifa("2026-06-30T21:30:00Z")).toBe("30062026");
    expect(dateSifa("2026-12-31T23:00:00+01:00")).toBe("31122026");
  });

  it("an ERP's local midnight sent as UTC gives the right birth date in the file", () => {
    expect(ligne({ ...minimal, date_de_naissance_apprenant: "2008-03-13T23:00:00.000Z" }).DATE_NAIS).toBe("14032008");
  });
});

describe("required columns", () => {
  it("a complete dossier misses nothing", () => {
    expect(colonnesManquantes(ligne(complet))).toEqual([]);
  });

  it("a minimal dossier misses what the ERP did not send, in column order", () => {
    expect(colonnesManquantes(ligne(minimal))).toEqual([
      "INE",
      "TYPE_CFA",
      "DIPLOME",
      "DUR_FORM_THEO",
      "AN_FORM",
      "ADRESSE",
      "COD_POST",
      "COM_RESID",
      "SEXE",
      "HANDI",
      "SIT_N_1",
      "ETAB_N_1",
    ]);
  });

  it("a learner without any contract misses the contract columns", () => {
    const { contrat_date_debut: _debut, siret_employeur: _siret, ...sansContrat } = complet;
    expect(colonnesManquantes(ligne(sansContrat))).toEqual(["DATE_DEB_CONT", "SIRET_EMP"]);
  });

  it("are columns of the survey, and never the constant ones", () => {
    for (const c of COLONNES_SIFA_OBLIGATOIRES) expect(COLONNES_SIFA).toContain(c);
    for (const c of ["UAI_EPLE", "NAT_STR_JUR", "STATUT"] as const) expect(COLONNES_SIFA_OBLIGATOIRES).not.toContain(c);
  });
});

describe("population", () => {
  it("the survey date is 31 December of the rentrée year", () => {
    expect(dateEnqueteSifa("2026-2027")).toBe("2026-12-31");
    expect(dateEnqueteSifa("2023-2024")).toBe("2023-12-31");
  });

  it("counts APPRENTI and RUPTURANT on that day, not INSCRIT, ABANDON or FIN_DE_FORMATION", () => {
    const statut = (dates: ParcoursInput) => statutAt(computeParcours(dates), DATE_ENQUETE);
    const cas: { attendu: Statut; dates: ParcoursInput }[] = [
      {
        attendu: "APPRENTI",
        dates: {
          date_entree_formation: "2026-09-01",
          date_fin_formation: "2028-06-30",
          contrats: [{ date_debut: "2026-12-31" }],
        },
      },
      {
        attendu: "RUPTURANT",
        dates: {
          date_entree_formation: "2026-09-01",
          date_fin_formation: "2028-06-30",
          contrats: [{ date_debut: "2026-09-01", date_rupture: "2026-12-31" }],
        },
      },
      {
        attendu: "INSCRIT",
        dates: {
          date_entree_formation: "2026-11-01",
          date_fin_formation: "2028-06-30",
          contrats: [{ date_debut: "2027-01-01" }],
        },
      },
      {
        attendu: "ABANDON",
        dates: {
          date_entree_formation: "2026-09-01",
          date_fin_formation: "2028-06-30",
          date_exclusion_formation: "2026-12-31",
          contrats: [{ date_debut: "2026-09-01" }],
        },
      },
      {
        attendu: "FIN_DE_FORMATION",
        dates: {
          date_entree_formation: "2025-09-01",
          date_fin_formation: "2026-12-31",
          contrats: [{ date_debut: "2025-09-01", date_fin: "2026-12-31" }],
        },
      },
    ];
    for (const { attendu, dates } of cas) {
      expect(statut(dates)).toBe(attendu);
      expect(STATUTS_POPULATION_SIFA.includes(statut(dates)), attendu).toBe(
        attendu === "APPRENTI" || attendu === "RUPTURANT",
      );
    }
  });
});

describe("CSV", () => {
  it("has a BOM, no header, `;` separators and CRLF line ends", () => {
    const csv = csvSifa([
      ["A", "B"],
      ["C", ""],
    ]);
    expect(csv).toBe("\uFEFFA;B\r\nC;\r\n");
    expect(csvSifa([])).toBe("\uFEFF");
  });

  it("quotes cells with a separator, quote or line break, and neutralises formulas but keeps international phone numbers", () => {
    expect(
      csvSifa([["1 rue A; bât B", 'dit "Léo"', "=HYPERLINK(1)", "+cmd|x", "@SUM(1)", "+33612345678", "-12"]]),
    ).toBe('\uFEFF"1 rue A; bât B";"dit ""Léo""";\'=HYPERLINK(1);\'+cmd|x;\'@SUM(1);+33612345678;-12\r\n');
  });

  it("a complete line keeps its 47 cells", () => {
    const csv = csvSifa([valeursSifa(ligne(complet))]);
    expect(csv.slice(1, -2).split(";")).toHaveLength(47);
  });
});
