/** One record of a CSV file, with the line where it starts (for error messages). */
export interface CsvRecord {
  line: number;
  values: string[];
}

/** The separator of a référentiel export: `;` (French spreadsheets) or `,`, whichever the header line uses more. */
export function detectSeparator(text: string): ";" | "," {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (sep: string) => header.split(sep).length - 1;
  return count(";") >= count(",") && count(";") > 0 ? ";" : ",";
}

/** RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks. Blank lines are skipped. */
export function parseCsv(text: string, separator = detectSeparator(text)): CsvRecord[] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    values.push(field);
    if (values.length > 1 || values[0].trim() !== "") records.push({ line: recordLine, values });
    values = [];
    field = "";
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === separator) {
      values.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== "" || values.length > 0) endRecord();
  return records;
}
