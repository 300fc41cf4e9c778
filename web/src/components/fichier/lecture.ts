/** Reads the chosen file (.xlsx with ExcelJS, .csv as text) into dossiers, in the browser. */
import {
  lireCsv,
  lireLignes,
  type Cellule,
  type LectureFichier,
  type LigneBrute,
} from "../../../../worker/domain/fichier-effectifs";

export class FichierIllisible extends Error {}

/** ExcelJS cell values: formulas, rich text, hyperlinks and errors become what the cell shows. */
function celluleDe(value: unknown): Cellule {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date)
    return value;
  if (typeof value === "object") {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in v) return celluleDe(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return celluleDe(v.text);
  }
  return null;
}

async function lireXlsx(file: File): Promise<{ entetes: Cellule[]; lignes: LigneBrute[] }> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(await file.arrayBuffer());
  } catch {
    throw new FichierIllisible("Ce fichier Excel ne peut pas être lu. Enregistrez-le au format .xlsx et réessayez.");
  }
  // The template's first sheet; otherwise the first sheet of the workbook.
  const sheet = workbook.getWorksheet("Modèle") ?? workbook.worksheets[0];
  if (!sheet) throw new FichierIllisible("Le fichier ne contient aucune feuille.");
  const rows: LigneBrute[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, ligne) => {
    // row.values is 1-based: its first item is always empty
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ ligne, cellules: Array.from(values, celluleDe) });
  });
  const [entete, ...lignes] = rows;
  return { entetes: entete?.cellules ?? [], lignes };
}

/** UTF-8 first; files saved by Excel as "CSV (séparateur : point-virgule)" are often Windows-1252. */
async function texteCsv(file: File): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    // The file was moved or deleted since it was chosen: the browser's own message is in English.
    throw new FichierIllisible("Le fichier n'a pas pu être lu : choisissez-le à nouveau.");
  }
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return utf8.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : utf8;
}

export async function lireFichier(file: File): Promise<LectureFichier> {
  const nom = file.name.toLowerCase();
  let table: { entetes: Cellule[]; lignes: LigneBrute[] };
  if (nom.endsWith(".xlsx")) table = await lireXlsx(file);
  else if (nom.endsWith(".csv")) table = lireCsv(await texteCsv(file));
  else throw new FichierIllisible("Format non pris en charge : choisissez un fichier .xlsx ou .csv.");
  if (table.entetes.length === 0)
    throw new FichierIllisible("Le fichier est vide : la première ligne doit contenir les noms des colonnes.");
  return lireLignes(table.entetes, table.lignes);
}
