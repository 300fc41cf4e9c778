/** "Télécharger le rapport complet": the rows become a CSV (French spreadsheets) or an XLSX built with ExcelJS. */
import { RAPPORT_COLUMNS, toCsv } from "../../../../worker/domain/rapport-transmission";
import type { EffectifRow } from "./types";

function lines(rows: EffectifRow[]): string[][] {
  return rows.map((row, i) => [
    String(i + 1),
    row.formation ?? "",
    row.apprenant,
    row.statut ?? "",
    row.employeur ?? "",
    row.debut ?? "",
    row.fin ?? "",
    row.etat,
    row.erreurs.map((e) => `${e.path} : ${e.message}`).join(" ; "),
  ]);
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadRapport(rows: EffectifRow[], format: "csv" | "xlsx") {
  const filename = `rapport-transmission-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    save(new Blob([toCsv(RAPPORT_COLUMNS, lines(rows))], { type: "text/csv;charset=utf-8" }), filename);
    return;
  }
  // Loaded on demand: the spreadsheet library is large and only needed here.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Rapport de transmission");
  sheet.addRow([...RAPPORT_COLUMNS]).font = { bold: true };
  for (const line of lines(rows)) sheet.addRow(line);
  sheet.columns.forEach((column, i) => (column.width = [6, 40, 28, 16, 18, 12, 12, 26, 60][i]));
  const buffer = await workbook.xlsx.writeBuffer();
  save(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), filename);
}
