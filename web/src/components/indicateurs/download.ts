/** "Télécharger (CSV)" / "(XLSX)" of a nominative list: CSV for French spreadsheets, XLSX built with ExcelJS. */
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import { statutLabel } from "../../../../worker/domain/labels";
import { formatDate } from "../../format";
import { INDICATEUR_LABELS, type ApprenantListe, type Liste } from "./types";

const COLONNES = [
  "Nom",
  "Prénom",
  "Date de naissance",
  "Formation",
  "CFD",
  "Statut",
  "Depuis le",
  "Employeur (SIRET)",
  "Début du contrat",
  "Fin du contrat",
  "Rupture du contrat",
];

const ligne = (r: ApprenantListe) => [
  r.nom,
  r.prenom,
  formatDate(r.dateDeNaissance),
  r.formation ?? "",
  r.cfd ?? "",
  statutLabel(r.statut),
  formatDate(r.depuis),
  r.contrat?.siretEmployeur ?? "",
  formatDate(r.contrat?.dateDebut),
  formatDate(r.contrat?.dateFin),
  formatDate(r.contrat?.dateRupture),
];

export function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadListe(liste: Liste, format: "csv" | "xlsx") {
  const filename = `${liste.indicateur}-${liste.date}.${format}`;
  const lignes = liste.rows.map(ligne);
  if (format === "csv") {
    save(new Blob([toCsv(COLONNES, lignes)], { type: "text/csv;charset=utf-8" }), filename);
    return;
  }
  // Loaded on demand: the spreadsheet library is large and only needed here.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(INDICATEUR_LABELS[liste.indicateur].replace(/'/g, " ").slice(0, 31));
  sheet.addRow(COLONNES).font = { bold: true };
  for (const l of lignes) sheet.addRow(l);
  sheet.columns.forEach((column, i) => (column.width = [20, 18, 14, 40, 12, 16, 12, 18, 14, 14, 14][i]));
  const buffer = await workbook.xlsx.writeBuffer();
  save(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), filename);
}
