import { normaliseSiret, normaliseUai } from "../../worker/domain/identifiants";
import type { RawLine } from "./file";
import { NATURES, type Couple, type Nature } from "./organisme";

/** A validated line of a référentiel export. `null` = not given: never erases a stored value. */
export interface OrganismeImport extends Couple {
  raisonSociale: string;
  enseigne: string | null;
  nature: Nature | null;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: boolean | null;
}

export interface ValidLine {
  position: string;
  organisme: OrganismeImport;
  formateurs: Couple[];
}

export interface RejectedLine {
  position: string;
  reasons: string[];
}

export type NormalisedLine = ({ ok: true } & ValidLine) | ({ ok: false } & RejectedLine);

const UAI = /^[0-9]{7}[A-Z]$/;
const SIRET = /^[0-9]{14}$/;
const DEPARTEMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-8])$/;

export function normaliseLine({ position, fields }: RawLine): NormalisedLine {
  const reasons: string[] = [];
  const text = (key: string) => {
    const value = fields[key];
    if (value === null || value === undefined) return null;
    const trimmed = String(value).trim();
    return trimmed === "" ? null : trimmed;
  };
  /** a coded field: null if absent, the normalised value if it matches, else a reason */
  const code = (key: string, normalise: (v: string) => string, pattern: RegExp, message: string) => {
    const raw = text(key);
    if (raw === null) return null;
    const value = normalise(raw);
    if (pattern.test(value)) return value;
    reasons.push(`${message} : « ${raw} »`);
    return null;
  };

  const uai = text("uai");
  const siret = text("siret");
  if (uai === null) reasons.push("UAI manquant");
  else if (!UAI.test(normaliseUai(uai))) reasons.push(`UAI invalide : « ${uai} »`);
  if (siret === null) reasons.push("SIRET manquant");
  else if (!SIRET.test(normaliseSiret(siret)))
    reasons.push(`Siret invalide. Format attendu : 14 chiffres : « ${siret} »`);
  const raisonSociale = text("raison_sociale");
  if (raisonSociale === null) reasons.push("Raison sociale manquante");

  const codePostal = code("code_postal", (v) => v.padStart(5, "0"), /^[0-9]{5}$/, "Code postal invalide");
  const departement =
    code("departement", (v) => v.toUpperCase().padStart(2, "0"), DEPARTEMENT, "Département invalide") ??
    (text("departement") === null && codePostal ? departementFromCodePostal(codePostal) : null);
  const organisme: OrganismeImport = {
    uai: uai === null ? "" : normaliseUai(uai),
    siret: siret === null ? "" : normaliseSiret(siret),
    raisonSociale: raisonSociale ?? "",
    enseigne: text("enseigne"),
    nature: code("nature", normaliseNature, new RegExp(`^(${NATURES.join("|")})$`), "Nature inconnue") as Nature | null,
    adresse: text("adresse"),
    codePostal,
    commune: text("commune"),
    departement,
    region: code("region", (v) => v.padStart(2, "0"), /^[0-9]{2}$/, "Code région invalide"),
    academie: code("academie", (v) => v.replace(/^A/i, "").padStart(2, "0"), /^[0-9]{2}$/, "Code académie invalide"),
    ferme: parseFerme(fields.ferme, reasons),
  };
  const formateurs = parseFormateurs(fields.formateurs, reasons);
  return reasons.length > 0 ? { ok: false, position, reasons } : { ok: true, position, organisme, formateurs };
}

/** "Lieu de formation" → "lieu_de_formation", "Fermé" → "ferme". */
const slug = (value: string) =>
  value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/** "Responsable et formateur", "lieu de formation", "FORMATEUR" → the stored codes. */
const normaliseNature = (value: string) =>
  slug(value).replace("_et_", "_").replace("lieu_de_formation", "lieu_formation");

/** 69003 → 69, 97411 → 974, Corse 20000–20199 → 2A, 20200+ → 2B. */
export function departementFromCodePostal(codePostal: string): string | null {
  if (codePostal.startsWith("97")) return codePostal.slice(0, 3);
  if (codePostal.startsWith("20")) return Number(codePostal) < 20200 ? "2A" : "2B";
  const code = codePostal.slice(0, 2);
  return DEPARTEMENT.test(code) ? code : null;
}

const VRAI = ["1", "true", "oui", "vrai", "ferme", "f"];
const FAUX = ["0", "false", "non", "faux", "ouvert", "actif", "a", "en_activite"];

/** ferme: booleans, 0/1, oui/non, or the SIRENE état administratif (A = actif, F = fermé). */
function parseFerme(value: unknown, reasons: string[]): boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value;
  const key = slug(String(value));
  if (VRAI.includes(key)) return true;
  if (FAUX.includes(key)) return false;
  reasons.push(`Valeur de « ferme » invalide : « ${String(value)} » (attendu : 0 ou 1)`);
  return null;
}

/** formateurs: "UAI:SIRET|UAI:SIRET" in a CSV cell, or in JSON an array of such strings or of {uai, siret}. */
function parseFormateurs(value: unknown, reasons: string[]): Couple[] {
  if (value === null || value === undefined || value === "") return [];
  const items: unknown[] = Array.isArray(value) ? value : String(value).split("|");
  const couples: Couple[] = [];
  for (const item of items) {
    const [uai, siret] =
      typeof item === "object" && item !== null
        ? [String((item as Record<string, unknown>).uai ?? ""), String((item as Record<string, unknown>).siret ?? "")]
        : splitCouple(String(item));
    const couple = { uai: normaliseUai(uai), siret: normaliseSiret(siret) };
    if (UAI.test(couple.uai) && SIRET.test(couple.siret)) couples.push(couple);
    else
      reasons.push(
        `Formateur invalide (attendu UAI:SIRET) : « ${typeof item === "object" ? JSON.stringify(item) : String(item).trim()} »`,
      );
  }
  return couples;
}

/** "0691234A:12345678900012"; without a colon, the first word is the UAI and the rest the SIRET. */
function splitCouple(text: string): [string, string] {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(":");
  if (colon >= 0) return [trimmed.slice(0, colon), trimmed.slice(colon + 1)];
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed, ""] : [trimmed.slice(0, space), trimmed.slice(space + 1)];
}
