import { describe, expect, it } from "vitest";
import { RAPPORT_COLUMNS, rapportLine, toCsv } from "../../worker/domain/rapport-transmission";

describe("the transmission report line", () => {
  it("shows a valid dossier as the seed does", () => {
    const line = rapportLine(
      {
        libelle_court_formation: "BTS MCO",
        date_entree_formation: "2023-09-01",
        date_fin_formation: "2025-06-30",
        nom_apprenant: "Dupont",
        prenom_apprenant: "Elisa",
        sexe_apprenant: "2",
        siret_employeur: "12345678901234",
        contrat_date_debut: "2023-09-04T00:00:00.000Z",
        contrat_date_fin: "2025-08-03",
        validation_errors: [],
        outcome: "updated",
        statut: "APPRENTI",
      },
      7,
    );
    expect(line).toEqual([
      "7",
      "BTS MCO 01/09/2023-30/06/2025",
      "DUPONT Elisa (F)",
      "En contrat",
      "12345678901234",
      "04/09/2023",
      "03/08/2025",
      "Transmis sur TBA",
      "",
    ]);
  });

  it("lists every error of an invalid dossier with its field", () => {
    const line = rapportLine(
      {
        nom_apprenant: "Martin",
        validation_errors: [
          { path: "etablissement_formateur_uai", message: "UAI invalide" },
          { path: "date_entree_formation", message: "Champ obligatoire" },
        ],
        outcome: "invalid",
        statut: null,
      },
      1,
    );
    expect(line[7]).toBe("Invalide pour TBA");
    expect(line[8]).toBe("etablissement_formateur_uai : UAI invalide ; date_entree_formation : Champ obligatoire");
  });

  it("writes CSV for French spreadsheets, quoting what needs it", () => {
    const csv = toCsv(RAPPORT_COLUMNS, [["1", 'CAP "Cuisine"; niveau 3', "A\nB", "", "", "", "", "", ""]]);
    expect(csv.startsWith("\uFEFFN°;Formation;")).toBe(true);
    expect(csv).toContain('1;"CAP ""Cuisine""; niveau 3";"A\nB";;;;;;\r\n');
  });

  it("writes cells that a spreadsheet would run as formulas as text", () => {
    const dangerous = ['=HYPERLINK("http://x";"y")', "+33 1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];
    const csv = toCsv(
      ["Colonne"],
      dangerous.map((cell) => [cell]),
    );
    expect(csv.split("\r\n").slice(1, -1)).toEqual([
      '"\'=HYPERLINK(""http://x"";""y"")"',
      "'+33 1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1+1",
      '"\'\r=1+1"',
    ]);
    expect(toCsv(["Colonne"], [["Dupont-Martin"], ["2 500"], ["a=b"]])).toBe(
      "\uFEFFColonne\r\nDupont-Martin\r\n2 500\r\na=b\r\n",
    );
  });
});
