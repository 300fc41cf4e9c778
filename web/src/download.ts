/**
 * The one way the app hands a file built in the browser to the user: a CSV (its text, as French spreadsheets read
 * it) or an XLSX workbook built with ExcelJS (loaded on demand: the library is large and only needed here).
 */
export type DownloadFormat = "csv" | "xlsx";

export interface Sheet {
  name: string;
  /** the first row, in bold */
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** column widths, in characters */
  widths?: readonly number[];
  /** columns stored as text cells (leading zeros of codes, UAI and SIRET typed in later are kept) */
  textColumns?: readonly number[];
  /** the header stays in view while scrolling */
  freezeHeader?: boolean;
}

export type DownloadFile = { filename: string } & ({ csv: string } | { sheets: readonly Sheet[] });

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function downloadFile(file: DownloadFile): Promise<string> {
  save(
    "csv" in file ? new Blob([file.csv], { type: "text/csv;charset=utf-8" }) : await workbook(file.sheets),
    file.filename,
  );
  return file.filename;
}

async function workbook(sheets: readonly Sheet[]): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.addRow([...sheet.header]).font = { bold: true };
    for (const row of sheet.rows) ws.addRow([...row]);
    sheet.widths?.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    for (const i of sheet.textColumns ?? []) ws.getColumn(i + 1).numFmt = "@";
    if (sheet.freezeHeader) ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  return new Blob([await book.xlsx.writeBuffer()], { type: XLSX_TYPE });
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
