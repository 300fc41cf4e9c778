/** The SIFA file: CSV as the survey imports it (no header), or XLSX with the header on a sheet "Data". */
import { csvSifa, type FichierSifa } from "../../../../worker/domain/sifa-fichier";
import { save } from "../indicateurs/download";

export const nomFichierSifa = (fichier: Pick<FichierSifa, "uai" | "anneeScolaire">, format: "csv" | "xlsx") =>
  `sifa-${fichier.uai ?? "sans-uai"}-${fichier.anneeScolaire}.${format}`;

export async function downloadSifa(fichier: FichierSifa, format: "csv" | "xlsx") {
  const filename = nomFichierSifa(fichier, format);
  if (format === "csv") {
    save(new Blob([csvSifa(fichier.lignes)], { type: "text/csv;charset=utf-8" }), filename);
    return;
  }
  // Loaded on demand: the spreadsheet library is large and only needed here.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Data");
  sheet.addRow(fichier.colonnes).font = { bold: true };
  // Strings stay text cells: codes, SIRET and JJMMAAAA dates keep their leading zeros.
  for (const ligne of fichier.lignes) sheet.addRow(ligne);
  const buffer = await workbook.xlsx.writeBuffer();
  save(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), filename);
}
