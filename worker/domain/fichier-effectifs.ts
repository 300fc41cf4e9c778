/**
 * Reading an effectifs file (SPEC §7) into dossiers for the ERP pipeline: headers matched to the API field names,
 * French dates and booleans converted, and an identifier derived from the learner when the file has none.
 * Pure, so that the browser parses and the tests check the very same code.
 */
import { COLONNES_MODELE, typeChamp } from "./modele-fichier";

export const MAX_LIGNES_FICHIER = 2000;

/** A cell as spreadsheets give it: text, number, boolean, a date (Excel date cells) or nothing. */
export type Cellule = string | number | boolean | Date | null | undefined;

export interface LigneBrute {
  /** the line number in the file (the header is line 1) */
  ligne: number;
  cellules: Cellule[];
}

export interface LigneFichier {
  ligne: number;
  dossier: Record<string, string | boolean>;
}

export interface LectureFichier {
  lignes: LigneFichier[];
  /** headers that match no field: their columns are ignored */
  colonnesIgnorees: string[];
}

/** "Date de naissance", "DATE_DE_NAISSANCE_APPRENANT ", "prénom-apprenant" → lower-case, no accents, underscores. */
export function normaliseEntete(entete: string): string {
  return entete
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const CHAMP_PAR_ENTETE = new Map(COLONNES_MODELE.map((champ) => [normaliseEntete(champ), champ]));

export const champDeEntete = (entete: string): string | null => CHAMP_PAR_ENTETE.get(normaliseEntete(entete)) ?? null;

const pad = (n: number, size = 2) => String(n).padStart(size, "0");

/** Days between Excel's epoch (1899-12-30, which absorbs its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel date cell, read as the calendar day it shows (spreadsheet libraries give it as UTC midnight). */
const dateIso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** "JJ/MM/AAAA" (also J/M/AAAA, with - or .) → "AAAA-MM-JJ"; anything else is left for the API to judge. */
export function convertirDate(valeur: Cellule): string | null {
  if (valeur instanceof Date) return Number.isNaN(valeur.getTime()) ? null : dateIso(valeur);
  if (typeof valeur === "number")
    return Number.isFinite(valeur) ? dateIso(new Date(Math.round((valeur - EXCEL_EPOCH_OFFSET) * 86_400_000))) : null;
  if (typeof valeur !== "string") return null;
  const texte = valeur.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(texte);
  return match ? `${match[3]}-${pad(+match[2])}-${pad(+match[1])}` : texte;
}

const BOOLEENS: Record<string, boolean> = {
  vrai: true,
  faux: false,
  oui: true,
  non: false,
  true: true,
  false: false,
  "1": true,
  "0": false,
};

/** VRAI/FAUX, OUI/NON (any case) → true/false; anything else is left for the API to judge. */
export function convertirBooleen(valeur: Cellule): boolean | string | null {
  if (typeof valeur === "boolean") return valeur;
  const texte = String(valeur).trim();
  return BOOLEENS[texte.toLowerCase()] ?? texte;
}

const estVide = (v: Cellule) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The value sent to the API for one cell of a field, or null when the cell is empty. */
export function convertirCellule(champ: string, valeur: Cellule): string | boolean | null {
  if (estVide(valeur)) return null;
  switch (typeChamp(champ)) {
    case "date":
      return convertirDate(valeur);
    case "booleen":
      return convertirBooleen(valeur);
    default:
      if (valeur instanceof Date) return dateIso(valeur);
      return typeof valeur === "string" ? valeur.trim() : String(valeur);
  }
}

/** Upper-case letters and digits only: "Léa-Marie " and "LEA MARIE" are the same person. */
const normaliseIdentite = (texte: string) =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");

/** 64-bit FNV-1a: synchronous and identical in the browser and the worker; it only needs to be stable. */
function fnv1a64(texte: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const octet of new TextEncoder().encode(texte)) {
    hash ^= BigInt(octet);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/**
 * The identifier of a learner that the file does not give: a hash of the normalised nom + prénom + date de
 * naissance (SPEC §7), so that importing the same file again updates the same dossiers.
 */
export function idErpApprenantCalcule(nom: string, prenom: string, dateDeNaissance: string): string {
  return `fichier-${fnv1a64([normaliseIdentite(nom), normaliseIdentite(prenom), dateDeNaissance.trim()].join("|"))}`;
}

/** The header row and the data rows of a sheet → one dossier per non-empty row, keyed by API field name. */
export function lireLignes(entetes: Cellule[], lignes: LigneBrute[]): LectureFichier {
  const champs = entetes.map((e) => (estVide(e) ? null : champDeEntete(String(e))));
  const colonnesIgnorees = entetes.flatMap((e, i) => (champs[i] === null && !estVide(e) ? [String(e).trim()] : []));
  const resultat: LigneFichier[] = [];
  for (const { ligne, cellules } of lignes) {
    const dossier: Record<string, string | boolean> = {};
    champs.forEach((champ, i) => {
      const valeur = champ ? convertirCellule(champ, cellules[i]) : null;
      // a field given twice keeps its first non-empty value
      if (champ && valeur !== null && dossier[champ] === undefined) dossier[champ] = valeur;
    });
    if (Object.keys(dossier).length === 0) continue;
    const { nom_apprenant: nom, prenom_apprenant: prenom, date_de_naissance_apprenant: naissance } = dossier;
    if (
      dossier.id_erp_apprenant === undefined &&
      typeof nom === "string" &&
      typeof prenom === "string" &&
      typeof naissance === "string"
    ) {
      dossier.id_erp_apprenant = idErpApprenantCalcule(nom, prenom, naissance);
    }
    resultat.push({ ligne, dossier });
  }
  return { lignes: resultat, colonnesIgnorees };
}

/** Counts the delimiter outside quotes in the header line: French spreadsheets write ";", others ",". */
function separateurDe(texte: string): ";" | "," {
  let pointsVirgules = 0;
  let virgules = 0;
  let entreGuillemets = false;
  for (const c of texte) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && (c === "\n" || c === "\r")) break;
    else if (!entreGuillemets && c === ";") pointsVirgules++;
    else if (!entreGuillemets && c === ",") virgules++;
  }
  return pointsVirgules >= virgules && pointsVirgules > 0 ? ";" : virgules > 0 ? "," : ";";
}

/** A CSV text (";" or ",", quoted fields, CRLF or LF, optional BOM) → header and rows with their line numbers. */
export function lireCsv(texte: string): { entetes: string[]; lignes: LigneBrute[] } {
  const source = texte.replace(/^\uFEFF/, "");
  const separateur = separateurDe(source);
  const enregistrements: { ligne: number; cellules: string[] }[] = [];
  let cellules: string[] = [];
  let cellule = "";
  let entreGuillemets = false;
  let ligne = 1;
  let debut = 1;
  const finEnregistrement = () => {
    cellules.push(cellule);
    enregistrements.push({ ligne: debut, cellules });
    cellules = [];
    cellule = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (entreGuillemets) {
      if (c === '"' && source[i + 1] === '"') {
        cellule += '"';
        i++;
      } else if (c === '"') entreGuillemets = false;
      else {
        if (c === "\n") ligne++;
        cellule += c;
      }
    } else if (c === '"') entreGuillemets = true;
    else if (c === separateur) {
      cellules.push(cellule);
      cellule = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      finEnregistrement();
      debut = ++ligne;
    } else cellule += c;
  }
  if (cellule !== "" || cellules.length > 0) finEnregistrement();
  const [entete, ...donnees] = enregistrements;
  return { entetes: entete?.cellules ?? [], lignes: donnees };
}
