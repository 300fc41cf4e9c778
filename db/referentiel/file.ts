import { parseCsv } from "./csv";

/** One entry of a référentiel export before validation; `position` names it in the summary ("ligne 12"). */
export interface RawLine {
  position: string;
  fields: Record<string, unknown>;
}

export class InvalidFileError extends Error {}

/** Column aliases found in exports of the national référentiel, mapped to our column names. */
const ALIASES: Readonly<Record<string, string>> = {
  numero_uai: "uai",
  uai_etablissement: "uai",
  siret_etablissement: "siret",
  raison: "raison_sociale",
  nom: "raison_sociale",
  enseigne_commerciale: "enseigne",
  nature_organisme: "nature",
  adresse_complete: "adresse",
  cp: "code_postal",
  code_departement: "departement",
  code_region: "region",
  code_academie: "academie",
  etat_administratif: "ferme",
  formateurs_siret_uai: "formateurs",
};

/** "Raison sociale" → "raison_sociale", "Code Postal" → "code_postal", accents removed. */
export function normaliseColumnName(name: string): string {
  const key = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  return ALIASES[key] ?? key;
}

/** Reads a CSV (`;` or `,`) or a JSON array of objects; the format is guessed from the first character. */
export function readReferentielFile(text: string): RawLine[] {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  return trimmed.startsWith("[") || trimmed.startsWith("{") ? readJson(trimmed) : readCsv(text);
}

function readJson(text: string): RawLine[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidFileError(`JSON illisible : ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InvalidFileError("Le fichier JSON doit contenir un tableau d'organismes.");
  return data.map((item, index) => ({
    position: `élément ${index + 1}`,
    fields: isObject(item) ? renameKeys(item) : {},
  }));
}

function readCsv(text: string): RawLine[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new InvalidFileError("Le fichier est vide.");
  const columns = header.values.map(normaliseColumnName);
  if (!columns.includes("uai") || !columns.includes("siret")) {
    throw new InvalidFileError("Colonnes « uai » et « siret » attendues sur la première ligne.");
  }
  return rows.map((row) => ({
    position: `ligne ${row.line}`,
    fields: Object.fromEntries(columns.map((column, i) => [column, row.values[i] ?? ""])),
  }));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const renameKeys = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).map(([key, value]) => [normaliseColumnName(key), value]));
