/**
 * Validation of the dossiers apprenants pushed by ERPs (SPEC §5): every error of a dossier at once, each with the
 * field it concerns, and the normalised dossier. Pure: used by the ERP API, the Excel import and the demo seeder.
 */
import type { z } from "zod";
import {
  CONTRAT_FIELDS,
  CONTRAT_SUFFIXES,
  DOSSIER_FIELDS,
  dossierApprenantSchema,
  type DossierNormalise,
} from "./dossier/schema";
import { isMalformedText, MESSAGE_TEXTE_MAL_FORME } from "./texte-unicode";

export { dossierApprenantSchema, DOSSIER_FIELDS, CONTRAT_FIELDS, CONTRAT_SUFFIXES };
export type { DossierNormalise, DossierApprenantInput } from "./dossier/schema";

export interface ValidationError {
  message: string;
  path: string;
}

export type DossierValidation =
  { ok: true; value: DossierNormalise } | { ok: false; errors: ValidationError[]; partial: Partial<DossierNormalise> };

export const MAX_DOSSIERS_PAR_REQUETE = 2000;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** null, "" and blanks mean "not sent" (SPEC §5: nulls are absent; empty values never erase). */
const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

const FIELD_INDEX = new Map<string, number>(DOSSIER_FIELDS.map((key, i) => [key, i]));

/**
 * A dossier's known fields by schema index, read in the object's own order (the enumeration's fast path): looking
 * 68 names up one by one on objects of as many shapes as there are dossiers is a slow lookup each.
 */
function fieldValues(record: Record<string, unknown>): unknown[] {
  const values: unknown[] = new Array(DOSSIER_FIELDS.length);
  for (const key in record) {
    const index = FIELD_INDEX.get(key);
    if (index !== undefined) values[index] = record[key];
  }
  return values;
}

const SHAPE = dossierApprenantSchema.shape as Record<string, z.ZodType>;

/**
 * Only the fields we know, without the empty ones; unknown fields are ignored. A text that is not well-formed
 * UTF-16 is an error of its field: D1 would store it replaced by U+FFFD, so the same dossier sent again would no
 * longer find its effectif.
 */
function knownFields(input: Record<string, unknown>): {
  fields: Record<string, unknown>;
  malformed: ValidationError[];
} {
  const fields: Record<string, unknown> = {};
  const malformed: ValidationError[] = [];
  for (const key of DOSSIER_FIELDS) {
    const value = input[key];
    if (isEmpty(value)) continue;
    if (isMalformedText(value)) malformed.push({ path: key, message: MESSAGE_TEXTE_MAL_FORME });
    else fields[key] = value;
  }
  return { fields, malformed };
}

/** Keys in schema order and no undefined values, so that the JSON of equal dossiers is equal. */
function toNormalise(parsed: Record<string, unknown>, nir: unknown): DossierNormalise {
  const value: Record<string, unknown> = {};
  for (const key of DOSSIER_FIELDS) {
    if (key !== "nir_apprenant" && parsed[key] !== undefined) value[key] = parsed[key];
  }
  return withHasNir(value, nir);
}

function withHasNir(value: Record<string, unknown>, nir: unknown): DossierNormalise {
  // Only a string is stripped of its separators: String() of an arbitrary object may throw.
  value.has_nir = typeof nir === "string" ? nir.replace(/[\s.-]+/g, "") !== "" : !isEmpty(nir);
  return value as DossierNormalise;
}

/** Each field alone, to keep what is valid in an invalid dossier (shown in the transmission report). */
function parseFieldByField(fields: Record<string, unknown>): Record<string, unknown> {
  const partial: Record<string, unknown> = {};
  for (const key of DOSSIER_FIELDS) {
    if (!(key in fields)) continue;
    const result = SHAPE[key].safeParse(fields[key]);
    if (result.success) partial[key] = result.data;
  }
  return partial;
}

/** The field names of each contract slot, built once (crossFieldErrors runs for every dossier of a push). */
const CONTRAT_KEYS = CONTRAT_SUFFIXES.map((s) => ({
  debutKey: `contrat_date_debut${s}`,
  finKey: `contrat_date_fin${s}`,
  ruptureKey: `contrat_date_rupture${s}`,
  causeKey: `cause_rupture_contrat${s}`,
  siretKey: `siret_employeur${s}`,
}));

/** Checks between fields, which the reference only runs later. */
function crossFieldErrors(sent: { has(key: string): boolean }, value: Record<string, unknown>): ValidationError[] {
  const errors: ValidationError[] = [];
  const entree = value.date_entree_formation as string | undefined;
  const fin = value.date_fin_formation as string | undefined;
  if (entree && fin && fin < entree) {
    errors.push({
      path: "date_fin_formation",
      message: "La date de fin de formation doit être postérieure ou égale à la date d'entrée en formation",
    });
  }
  for (const { debutKey, finKey, ruptureKey, causeKey } of CONTRAT_KEYS) {
    if (!sent.has(debutKey)) {
      if (sent.has(finKey) || sent.has(ruptureKey) || sent.has(causeKey)) {
        errors.push({ path: debutKey, message: "Information de contrat incomplète" });
      }
      continue;
    }
    const debut = value[debutKey] as string | undefined;
    const finContrat = value[finKey] as string | undefined;
    const rupture = value[ruptureKey] as string | undefined;
    if (debut && finContrat && finContrat < debut) {
      errors.push({
        path: finKey,
        message: "La date de fin du contrat doit être postérieure ou égale à sa date de début",
      });
    }
    if (debut && rupture && rupture < debut) {
      errors.push({
        path: ruptureKey,
        message: "La date de rupture du contrat doit être postérieure ou égale à sa date de début",
      });
    }
  }
  return errors;
}

/** Validates and normalises one dossier. Never throws: anything unexpected is an error of the dossier. */
export function validateDossier(input: unknown): DossierValidation {
  try {
    if (!isPlainObject(input)) {
      return {
        ok: false,
        errors: [{ path: "", message: "Un dossier apprenant (objet JSON) est attendu" }],
        partial: {},
      };
    }
    const { fields, malformed } = knownFields(input);
    const result = dossierApprenantSchema.safeParse(fields);
    const parsed = result.success ? (result.data as Record<string, unknown>) : parseFieldByField(fields);
    const errors: ValidationError[] = result.success
      ? []
      : result.error.issues
          .map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }))
          // A malformed required field was left out: its own error says why, not "Champ obligatoire".
          .filter((error) => !malformed.some((m) => m.path === error.path));
    errors.unshift(...malformed);
    errors.push(...crossFieldErrors(new Set(Object.keys(fields)), parsed));
    const value = toNormalise(parsed, input.nir_apprenant);
    return errors.length === 0 ? { ok: true, value } : { ok: false, errors, partial: value };
  } catch {
    return { ok: false, errors: [{ path: "", message: "Dossier illisible" }], partial: {} };
  }
}

type FieldResult = { success: true; data: unknown } | { success: false; issues: ValidationError[] };

/**
 * Validates the dossiers of one push, each exactly as validateDossier would. A push repeats many values (its
 * organismes, formations, dates): each field's result is kept per value, so a repeated value is parsed once.
 */
export function validateDossiers(inputs: unknown[]): DossierValidation[] {
  const cache = DOSSIER_FIELDS.map(() => new Map<unknown, FieldResult>());
  const parseField = (index: number, value: unknown): FieldResult => {
    // Only primitives are keys of equal results (-0 and 0 are one Map key but not one number).
    const cacheable =
      value === undefined ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && !Object.is(value, -0));
    const known = cacheable ? cache[index].get(value) : undefined;
    if (known) return known;
    const key = DOSSIER_FIELDS[index];
    const result = SHAPE[key].safeParse(value);
    const fieldResult: FieldResult = result.success
      ? { success: true, data: result.data }
      : {
          success: false,
          issues: result.error.issues.map((issue) => ({
            path: [key, ...issue.path.map(String)].join("."),
            message: issue.message,
          })),
        };
    if (cacheable) cache[index].set(value, fieldResult);
    return fieldResult;
  };
  return inputs.map((input) => {
    try {
      if (!isPlainObject(input)) return validateDossier(input);
      // knownFields and the parse of each field in one pass over the fields (the measured path: 2000 dossiers).
      // The fields sent (not empty), for the checks between fields.
      const sent = new Set<string>();
      const parsed: Record<string, unknown> = {};
      const malformed: ValidationError[] = [];
      const issues: ValidationError[] = [];
      const values = fieldValues(input);
      for (let i = 0; i < DOSSIER_FIELDS.length; i++) {
        const key = DOSSIER_FIELDS[i];
        let value = values[i];
        if (isEmpty(value)) value = undefined;
        else if (isMalformedText(value)) {
          malformed.push({ path: key, message: MESSAGE_TEXTE_MAL_FORME });
          continue;
        } else sent.add(key);
        const result = parseField(i, value);
        if (!result.success) issues.push(...result.issues);
        // The normalised dossier itself (toNormalise's): keys in schema order, no undefined, no NIR.
        else if (result.data !== undefined && key !== "nir_apprenant") parsed[key] = result.data;
      }
      const errors: ValidationError[] = malformed.length ? [...malformed, ...issues] : issues;
      errors.push(...crossFieldErrors(sent, parsed));
      const value = withHasNir(parsed, input.nir_apprenant);
      return errors.length === 0 ? { ok: true, value } : { ok: false, errors, partial: value };
    } catch {
      return { ok: false, errors: [{ path: "", message: "Dossier illisible" }], partial: {} };
    }
  });
}

export type DossiersBodyValidation = { ok: true; dossiers: unknown[] } | { ok: false; details: ValidationError[] };

/** The body of a push: an array of at most 2000 dossiers (else a 400 "Erreur de validation"). */
export function validateDossiersBody(body: unknown): DossiersBodyValidation {
  if (!Array.isArray(body))
    return { ok: false, details: [{ path: "", message: "Un tableau de dossiers apprenants est attendu" }] };
  if (body.length > MAX_DOSSIERS_PAR_REQUETE) {
    return {
      ok: false,
      details: [
        { path: "", message: `${MAX_DOSSIERS_PAR_REQUETE} dossiers au maximum par requête (reçus : ${body.length})` },
      ],
    };
  }
  return { ok: true, dossiers: body };
}

export interface Contrat {
  date_debut: string;
  date_fin: string | null;
  date_rupture: string | null;
  cause_rupture: string | null;
  siret_employeur: string | null;
}

/** The contracts of a dossier (slots with a start date), oldest first. */
export function contratsOf(dossier: Partial<DossierNormalise>): Contrat[] {
  const record = dossier as Record<string, string | undefined>;
  const contrats: Contrat[] = [];
  for (const { debutKey, finKey, ruptureKey, causeKey, siretKey } of CONTRAT_KEYS) {
    const debut = record[debutKey];
    if (!debut) continue;
    contrats.push({
      date_debut: debut,
      date_fin: record[finKey] ?? null,
      date_rupture: record[ruptureKey] ?? null,
      cause_rupture: record[causeKey] ?? null,
      siret_employeur: record[siretKey] ?? null,
    });
  }
  return contrats.sort((a, b) => (a.date_debut < b.date_debut ? -1 : a.date_debut > b.date_debut ? 1 : 0));
}

const CONTRAT_INDEXES = CONTRAT_FIELDS.map((key) => FIELD_INDEX.get(key)!);
const IS_CONTRAT = DOSSIER_FIELDS.map((key) => (CONTRAT_FIELDS as string[]).includes(key));
const NIR_INDEX = FIELD_INDEX.get("nir_apprenant")!;

/**
 * A dossier sent again over a stored one (SPEC §5): sent values overwrite, absent ones never erase, and the
 * contracts are replaced as a whole when the new dossier has any.
 */
export function mergeDossiers(stored: DossierNormalise | null, sent: DossierNormalise): DossierNormalise {
  if (!stored) return sent;
  const sentValues = fieldValues(sent);
  const storedValues = fieldValues(stored);
  const replacesContrats = CONTRAT_INDEXES.some((i) => sentValues[i] !== undefined);
  const merged: Record<string, unknown> = {};
  for (let i = 0; i < DOSSIER_FIELDS.length; i++) {
    if (i === NIR_INDEX) continue;
    const value = sentValues[i] ?? (replacesContrats && IS_CONTRAT[i] ? undefined : storedValues[i]);
    if (value !== undefined) merged[DOSSIER_FIELDS[i]] = value;
  }
  merged.has_nir = stored.has_nir || sent.has_nir;
  return merged as DossierNormalise;
}
