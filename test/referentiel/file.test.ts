import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv } from "../../db/referentiel/csv";
import { InvalidFileError, readReferentielFile } from "../../db/referentiel/file";
import exemple from "../../db/referentiel/exemple-referentiel.csv?raw";

describe("parseCsv", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks, and numbers records by their first line", () => {
    const text = '\uFEFFa;b;c\r\n1;"x;y";"il dit ""oui"""\r\n\r\n2;"sur\ndeux lignes";z\n3;;\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, values: ["a", "b", "c"] },
      { line: 2, values: ["1", "x;y", 'il dit "oui"'] },
      { line: 4, values: ["2", "sur\ndeux lignes", "z"] },
      { line: 6, values: ["3", "", ""] },
    ]);
  });

  it("detects the separator from the header line", () => {
    expect(detectSeparator("uai;siret;raison_sociale\n1,2;3")).toBe(";");
    expect(detectSeparator("uai,siret,raison_sociale\n1;2,3")).toBe(",");
  });
});

describe("readReferentielFile", () => {
  it("maps CSV headers to our columns whatever their case, accents or aliases", () => {
    const lines = readReferentielFile(
      "Numéro UAI,SIRET,Raison sociale,Code Postal\n0691078X,169 305 422 50535,CFA,69100\n",
    );
    expect(lines).toEqual([
      {
        position: "ligne 2",
        fields: { uai: "0691078X", siret: "169 305 422 50535", raison_sociale: "CFA", code_postal: "69100" },
      },
    ]);
  });

  it("reads a JSON array and names its items by index", () => {
    const lines = readReferentielFile(
      '[{"UAI":"0691078X","siret":16930542250535,"formateurs":["0690590S:16930542216734"]}, 3]',
    );
    expect(lines).toEqual([
      {
        position: "élément 1",
        fields: { uai: "0691078X", siret: 16930542250535, formateurs: ["0690590S:16930542216734"] },
      },
      { position: "élément 2", fields: {} },
    ]);
  });

  it("refuses a file it cannot read, saying why", () => {
    expect(() => readReferentielFile('{"uai":"0691078X"}')).toThrow(
      new InvalidFileError("Le fichier JSON doit contenir un tableau d'organismes."),
    );
    expect(() => readReferentielFile("[1, 2")).toThrow(InvalidFileError);
    expect(() => readReferentielFile("raison_sociale;commune\nCFA;Lyon\n")).toThrow(
      "Colonnes « uai » et « siret » attendues sur la première ligne.",
    );
    expect(() => readReferentielFile("")).toThrow("Le fichier est vide.");
  });

  it("reads the sample file shipped beside the importer", () => {
    const lines = readReferentielFile(exemple);
    expect(lines).toHaveLength(8);
    expect(lines[6].fields.raison_sociale).toBe('CFA HÔTELLERIE RESTAURATION "LES CHAIS" BORDEAUX');
    expect(lines[2].fields.formateurs).toBe("0697759J:10643047385799|0696190D:59737767068072|0697645K:92907582823410");
  });
});
