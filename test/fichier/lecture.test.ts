import { describe, expect, it } from "vitest";
import {
  champDeEntete,
  convertirCellule,
  idErpApprenantCalcule,
  lireCsv,
  lireLignes,
  normaliseEntete,
} from "../../worker/domain/fichier-effectifs";
import { COLONNES_MODELE, descriptionDesDonnees, ligneExemple } from "../../worker/domain/modele-fichier";
import { DOSSIER_FIELDS, validateDossier } from "../../worker/domain/dossier";

describe("en-têtes du fichier", () => {
  it("match the API field names whatever the case, accents, spaces or dashes", () => {
    expect(normaliseEntete(" Prénom-Apprenant ")).toBe("prenom_apprenant");
    expect(champDeEntete("DATE DE NAISSANCE APPRENANT")).toBe("date_de_naissance_apprenant");
    expect(champDeEntete("Établissement_Formateur_UAI")).toBe("etablissement_formateur_uai");
    expect(champDeEntete("contrat_date_debut_2")).toBe("contrat_date_debut_2");
    expect(champDeEntete("commentaire")).toBeNull();
    expect(champDeEntete("nir_apprenant")).toBeNull();
  });
});

describe("cellules", () => {
  it("convert French dates and Excel date cells to AAAA-MM-JJ", () => {
    expect(convertirCellule("date_entree_formation", "01/09/2023")).toBe("2023-09-01");
    expect(convertirCellule("date_entree_formation", "1/9/2023")).toBe("2023-09-01");
    expect(convertirCellule("contrat_date_fin_3", "2025-06-30")).toBe("2025-06-30");
    expect(convertirCellule("date_de_naissance_apprenant", new Date(Date.UTC(2005, 2, 14)))).toBe("2005-03-14");
    // a date cell read as its serial number (days since 1899-12-30)
    expect(convertirCellule("date_fin_formation", 45000)).toBe("2023-03-15");
    expect(convertirCellule("date_fin_formation", "31/02/2023")).toBe("2023-02-31");
    expect(convertirCellule("date_fin_formation", "bientôt")).toBe("bientôt");
  });

  it("convert VRAI/FAUX and OUI/NON to booleans only for boolean fields", () => {
    expect(convertirCellule("rqth_apprenant", "VRAI")).toBe(true);
    expect(convertirCellule("rqth_apprenant", "faux")).toBe(false);
    expect(convertirCellule("formation_presentielle", " Oui ")).toBe(true);
    expect(convertirCellule("obtention_diplome_formation", "NON")).toBe(false);
    expect(convertirCellule("obtention_diplome_formation", true)).toBe(true);
    expect(convertirCellule("obtention_diplome_formation", "peut-être")).toBe("peut-être");
    expect(convertirCellule("nom_apprenant", "Oui")).toBe("Oui");
  });

  it("keep numbers as text and drop empty cells", () => {
    expect(convertirCellule("etablissement_formateur_siret", 12345678900011)).toBe("12345678900011");
    expect(convertirCellule("code_postal_apprenant", 1000)).toBe("1000");
    expect(convertirCellule("nom_apprenant", "  ")).toBeNull();
    expect(convertirCellule("nom_apprenant", null)).toBeNull();
  });
});

describe("identifiant calculé", () => {
  it("is the same for the same learner written differently, and differs for another one", () => {
    const id = idErpApprenantCalcule("Martin", "Léa-Marie", "2005-03-14");
    expect(id).toMatch(/^fichier-[0-9a-f]{16}$/);
    expect(idErpApprenantCalcule(" MARTIN ", "lea marie", "2005-03-14")).toBe(id);
    expect(idErpApprenantCalcule("Martin", "Léa-Marie", "2005-03-15")).not.toBe(id);
    expect(idErpApprenantCalcule("Martin", "Léo-Marie", "2005-03-14")).not.toBe(id);
  });
});

describe("CSV", () => {
  it("reads ';' files with a BOM, quotes, CRLF and line numbers", () => {
    const { entetes, lignes } = lireCsv(
      '\uFEFFnom_apprenant;adresse_apprenant\r\nMartin;"12 rue ""des"" Lilas; Paris"\r\n\r\nDurand;"2 rue\nneuve"\r\nPetit;x',
    );
    expect(entetes).toEqual(["nom_apprenant", "adresse_apprenant"]);
    expect(lignes).toEqual([
      { ligne: 2, cellules: ["Martin", '12 rue "des" Lilas; Paris'] },
      { ligne: 3, cellules: [""] },
      { ligne: 4, cellules: ["Durand", "2 rue\nneuve"] },
      { ligne: 6, cellules: ["Petit", "x"] },
    ]);
  });

  it("reads ',' files", () => {
    const { entetes, lignes } = lireCsv('nom_apprenant,date_entree_formation\n"Martin, Léa",01/09/2023\n');
    expect(entetes).toEqual(["nom_apprenant", "date_entree_formation"]);
    expect(lignes).toEqual([{ ligne: 2, cellules: ["Martin, Léa", "01/09/2023"] }]);
  });
});

describe("lignes du fichier", () => {
  it("become dossiers keyed by field, skipping empty rows, listing ignored columns, with a computed id", () => {
    const { entetes, lignes } = lireCsv(
      "Nom apprenant;Prénom apprenant;Date de naissance apprenant;RQTH apprenant;Commentaire;id_erp_apprenant\n" +
        "Martin;Léa;14/03/2005;OUI;à revoir;\n;;;;;\nDurand;Paul;2004-01-02;NON;;P-2\n",
    );
    const lecture = lireLignes(entetes, lignes);
    expect(lecture.colonnesIgnorees).toEqual(["Commentaire"]);
    expect(lecture.lignes).toEqual([
      {
        ligne: 2,
        dossier: {
          nom_apprenant: "Martin",
          prenom_apprenant: "Léa",
          date_de_naissance_apprenant: "2005-03-14",
          rqth_apprenant: true,
          id_erp_apprenant: idErpApprenantCalcule("Martin", "Léa", "2005-03-14"),
        },
      },
      {
        ligne: 4,
        dossier: {
          nom_apprenant: "Durand",
          prenom_apprenant: "Paul",
          date_de_naissance_apprenant: "2004-01-02",
          rqth_apprenant: false,
          id_erp_apprenant: "P-2",
        },
      },
    ]);
  });
});

describe("modèle", () => {
  it("has every API field but the NIR as columns, and an example row the API accepts", () => {
    expect(COLONNES_MODELE).toEqual(DOSSIER_FIELDS.filter((f) => f !== "nir_apprenant"));
    const exemple = ligneExemple();
    expect(exemple).toHaveLength(COLONNES_MODELE.length);
    const { lignes } = lireLignes(COLONNES_MODELE, [{ ligne: 2, cellules: exemple }]);
    const validation = validateDossier(lignes[0].dossier);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
  });

  it("puts the downloading organisme's own UAI and SIRET in the example row", () => {
    const exemple = ligneExemple({ uai: "0639999Z", siret: "12345678900011" });
    const valeur = (champ: string) => exemple[COLONNES_MODELE.indexOf(champ)];
    for (const champ of ["etablissement_responsable_uai", "etablissement_formateur_uai"])
      expect(valeur(champ)).toBe("0639999Z");
    for (const champ of ["etablissement_responsable_siret", "etablissement_formateur_siret"])
      expect(valeur(champ)).toBe("12345678900011");
    expect(valeur("nom_apprenant")).toBe(ligneExemple()[COLONNES_MODELE.indexOf("nom_apprenant")]);
  });

  it("describes each field from the API schema: required ones, formats and examples", () => {
    const description = descriptionDesDonnees();
    expect(description.map((d) => d.champ)).toEqual(COLONNES_MODELE);
    const champ = (nom: string) => description.find((d) => d.champ === nom)!;
    expect(champ("nom_apprenant")).toEqual({
      champ: "nom_apprenant",
      obligatoire: "Oui",
      description: "Nom de l'apprenant (mis en majuscules)",
      format: "Texte",
      exemple: "MARTIN",
    });
    expect(champ("date_entree_formation")).toMatchObject({
      obligatoire: "Oui",
      description: "Date d'entrée en formation",
      format: "AAAA-MM-JJ ou JJ/MM/AAAA",
    });
    expect(champ("id_erp_apprenant").obligatoire).toBe("Non");
    expect(champ("contrat_date_debut_4")).toMatchObject({
      obligatoire: "Non",
      description: "Date de début du contrat n°4",
    });
    expect(champ("rqth_apprenant").format).toBe("VRAI/FAUX ou OUI/NON");
    expect(description.filter((d) => d.obligatoire === "Oui").map((d) => d.champ)).toEqual([
      "nom_apprenant",
      "prenom_apprenant",
      "date_de_naissance_apprenant",
      "annee_scolaire",
      "date_inscription_formation",
      "date_entree_formation",
      "date_fin_formation",
      "etablissement_responsable_uai",
      "etablissement_responsable_siret",
      "etablissement_formateur_uai",
      "etablissement_formateur_siret",
    ]);
    expect(description.every((d) => d.description.length > 0)).toBe(true);
  });
});
