/**
 * The field types of a dossier apprenant (SPEC §5.1): each one normalises what ERPs really send and answers in
 * French. Written with preprocess/transform so that `z.toJSONSchema(schema, { io: "input" })` still describes the
 * wire format.
 */
import { z } from "zod";
import { normaliseAnneeScolaire } from "../annee-scolaire";

export const MESSAGE_OBLIGATOIRE = "Champ obligatoire";

/** A missing required field says so; a value of the wrong type gets the field's own message. */
const orMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? MESSAGE_OBLIGATOIRE : message;

const asString = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v);
const trimmed = (v: unknown) => {
  const s = asString(v);
  return typeof s === "string" ? s.trim() : s;
};
const upper = (v: unknown) => {
  const s = trimmed(v);
  return typeof s === "string" ? s.toUpperCase() : s;
};

export const UAI_REGEX = /^[0-9]{7}[A-Z]$/;
export const SIRET_REGEX = /^[0-9]{14}$/;
export const CODE_POSTAL_REGEX = /^[0-9]{5}$/;
export const CODE_INSEE_REGEX = /^([0-9]{2}|2A|2B)[0-9]{3}$/;
export const RNCP_REGEX = /^RNCP[0-9]{2,5}$/;
export const CFD_REGEX = /^[A-Z0-9]{8}$/;
/** an UAI, or a département code ("44", "044", "2B", "972") for learners not in apprenticeship last year */
export const DERNIER_ORGANISME_UAI_REGEX = /^([0-9]{7}[A-Z]|0?[0-9]{2}|0?2[AB]|9[0-9]{2})$/;

/** One huge field must reject its dossier, not the whole push (a D1 row or statement has a size limit). */
export const TEXTE_MAX = 1000;
export const MESSAGE_TEXTE_TROP_LONG = `Texte trop long (${TEXTE_MAX} caractères au plus)`;

export const texte = (description: string) =>
  z
    .preprocess(trimmed, z.string({ error: orMissing("Texte attendu") }).max(TEXTE_MAX, MESSAGE_TEXTE_TROP_LONG))
    .describe(description);

export const texteRequis = (description: string, transform: (s: string) => string = (s) => s) =>
  z
    .preprocess(
      trimmed,
      z
        .string({ error: orMissing("Texte attendu") })
        .min(1, MESSAGE_OBLIGATOIRE)
        .max(TEXTE_MAX, MESSAGE_TEXTE_TROP_LONG)
        .transform(transform),
    )
    .describe(description);

// ---- dates ----

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const ZONED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Europe/Paris is UTC+2 from the last Sunday of March to the last Sunday of October (01:00 UTC), else UTC+1. */
function parisOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  return utcMs >= lastSunday(2) && utcMs < lastSunday(9) ? 7_200_000 : 3_600_000;
}

/**
 * "YYYY-MM-DD…" → "YYYY-MM-DD", or null. A datetime with a zone is read as the day it is in France
 * (ERPs often send local midnight as "…T22:00:00Z" of the day before).
 */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const match = DATE_PREFIX.exec(text);
  if (!match || !isCalendarDate(+match[1], +match[2], +match[3])) return null;
  if (ZONED_DATETIME.test(text)) {
    const utcMs = Date.parse(text);
    if (Number.isNaN(utcMs)) return null;
    return new Date(utcMs + parisOffsetMs(utcMs)).toISOString().slice(0, 10);
  }
  return text.slice(0, 10);
}

export const date = (description: string) =>
  z
    .string({ error: orMissing("Date invalide") })
    .transform((value, ctx) => {
      const iso = toIsoDate(value);
      if (iso === null) {
        ctx.addIssue({ code: "custom", message: "Date invalide", input: value });
        return z.NEVER;
      }
      return iso;
    })
    .describe(`${description} (format ISO-8601, AAAA-MM-JJ)`);

// ---- identifiers ----

export const uai = (description: string) =>
  z
    .preprocess(upper, z.string({ error: orMissing("UAI invalide") }).regex(UAI_REGEX, "UAI invalide"))
    .describe(description);

const cleanSiret = (v: unknown) => {
  const s = asString(v);
  return typeof s === "string" ? s.replace(/[\s.-]+/g, "") : s;
};
export const MESSAGE_SIRET = "Siret invalide. Format attendu : 14 chiffres";
export const siret = (description: string) =>
  z
    .preprocess(cleanSiret, z.string({ error: orMissing(MESSAGE_SIRET) }).regex(SIRET_REGEX, MESSAGE_SIRET))
    .describe(description);

/** A malformed SIRET here (employeur, lieu de formation) is dropped without rejecting the dossier, as the reference does. */
export const siretFacultatif = (description: string) =>
  z
    .preprocess(
      cleanSiret,
      z.string().transform((s) => (SIRET_REGEX.test(s) ? s : undefined)),
    )
    .describe(description);

export const annee_scolaire = z
  .string({ error: orMissing("Format invalide (format attendu : 2023-2024)") })
  .transform((value, ctx) => {
    const normalised = normaliseAnneeScolaire(value);
    if (normalised === null) {
      ctx.addIssue({ code: "custom", message: "Format invalide (format attendu : 2023-2024)", input: value });
      return z.NEVER;
    }
    return normalised;
  })
  .describe("Année scolaire, ex. 2023-2024 (1er août → 31 juillet) ou 2024-2024 (année civile)");

const padCodePostal = (v: unknown) => {
  const s = trimmed(v);
  return typeof s === "string" && /^[0-9]{1,4}$/.test(s) ? s.padStart(5, "0") : s;
};
export const MESSAGE_CODE_POSTAL = "Le code postal doit faire 5 caractères numériques exactement";
export const codePostal = (description: string) =>
  z
    .preprocess(padCodePostal, z.string({ error: MESSAGE_CODE_POSTAL }).regex(CODE_POSTAL_REGEX, MESSAGE_CODE_POSTAL))
    .describe(description);
/** Learners born abroad have no French postal code: a malformed one is dropped, not an error. */
export const codePostalFacultatif = (description: string) =>
  z
    .preprocess(
      padCodePostal,
      z.string().transform((s) => (CODE_POSTAL_REGEX.test(s) ? s : undefined)),
    )
    .describe(description);

const MESSAGE_INSEE = "Code commune INSEE invalide (5 caractères, ex. 75056 ou 2A004)";
export const codeInsee = (description: string) =>
  z
    .preprocess(
      padCodePostal,
      z.preprocess(upper, z.string({ error: MESSAGE_INSEE }).regex(CODE_INSEE_REGEX, MESSAGE_INSEE)),
    )
    .describe(description);

export const rncp = z
  .preprocess(
    (v) => {
      const s = upper(v);
      if (typeof s !== "string") return s;
      const compact = s.replace(/[\s.-]+/g, "");
      return compact.startsWith("RNCP") ? compact : `RNCP${compact}`;
    },
    z.string({ error: "Code RNCP invalide" }).regex(RNCP_REGEX, "Code RNCP invalide"),
  )
  .describe("Code RNCP de la formation (ex. RNCP35316 ; le préfixe RNCP est ajouté s'il manque)");

export const cfd = z
  .preprocess(upper, z.string({ error: "Code CFD invalide" }).regex(CFD_REGEX, "Code CFD invalide"))
  .describe("Code Formation Diplôme (CFD), 8 caractères");

// ---- contact ----

export const email = (description: string) =>
  z
    .preprocess(trimmed, z.email({ error: "Email non valide" }).max(TEXTE_MAX, MESSAGE_TEXTE_TROP_LONG))
    .describe(description);

/** French numbers → "0XXXXXXXXX"; others → E.164 ("+…"); null when it is not a phone number. */
export function normaliseTelephone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, "");
  let match = /^(?:\+33|0033)0?([1-9][0-9]{8})$/.exec(compact);
  if (match) return `0${match[1]}`;
  if (/^0[1-9][0-9]{8}$/.test(compact)) return compact;
  // a number sent as a JSON number loses its leading 0
  if (/^[1-9][0-9]{8}$/.test(compact)) return `0${compact}`;
  match = /^(?:\+|00)([1-9][0-9]{6,14})$/.exec(compact);
  if (match) return `+${match[1]}`;
  return null;
}

export const telephone = z
  .preprocess(trimmed, z.string({ error: "Numéro de téléphone invalide" }))
  .transform((value, ctx) => {
    const normalised = normaliseTelephone(value);
    if (normalised === null) {
      ctx.addIssue({ code: "custom", message: "Numéro de téléphone invalide", input: value });
      return z.NEVER;
    }
    return normalised;
  })
  .describe("Téléphone de l'apprenant (format français 0XXXXXXXXX, sinon international +XXXXXXXX)");

// ---- enumerations, numbers, booleans ----

const BOOLEENS: Record<string, boolean> = {
  true: true,
  false: false,
  oui: true,
  non: false,
  vrai: true,
  faux: false,
  "1": true,
  "0": false,
};
export const booleen = (description: string) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? (BOOLEENS[v.trim().toLowerCase()] ?? v) : v === 1 ? true : v === 0 ? false : v),
      z.boolean({ error: "Booléen attendu (true ou false)" }),
    )
    .describe(description);

const toNumber = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : v);
export const entier = (min: number, max: number, description: string) => {
  const message = `Nombre entier attendu, entre ${min} et ${max}`;
  return z
    .preprocess(toNumber, z.number({ error: message }).int(message).min(min, message).max(max, message))
    .describe(description);
};

export const sexe = z
  .preprocess(
    (v) => {
      const s = upper(v);
      return s === "H" || s === "1" ? "M" : s === "2" ? "F" : s;
    },
    z.enum(["M", "F"], { error: "Sexe invalide (M, H ou F attendu)" }),
  )
  .describe("Sexe de l'apprenant : M (ou H, 1) ou F (ou 2)");

export const statut_apprenant = z
  .preprocess(toNumber, z.literal([0, 2, 3], { error: "Statut invalide (0 abandon, 2 inscrit ou 3 apprenti)" }))
  .describe("Statut déclaré par l'ERP (ancien format) : 0 abandon, 2 inscrit, 3 apprenti");

/** SIFA codes of the learner's situation the previous year. */
export const CODES_DERNIERE_SITUATION = [
  1003, 1005, 1009, 1017, 1019, 1021, 1023, 2001, 2003, 2005, 2007, 3001, 3101, 3003, 3103, 3009, 3109, 3011, 3111,
  3031, 3131, 3032, 3132, 3033, 3133, 3117, 3119, 3021, 3121, 3023, 3123, 4001, 4101, 4003, 4103, 4005, 4105, 4007,
  4107, 4009, 4011, 4111, 4013, 4113, 4015, 4115, 4017, 4117, 4019, 4119, 4021, 4121, 4023, 4123, 4025, 4125, 4027,
  4127, 5901, 5903, 5905, 5907, 5909, 9900, 9999,
] as const;
export const derniere_situation = z
  .preprocess(
    toNumber,
    z.literal(CODES_DERNIERE_SITUATION, { error: "Code de dernière situation invalide (nomenclature SIFA)" }),
  )
  .describe("Situation de l'apprenant l'année précédente (code SIFA)");

export const dernier_organisme_uai = z
  .preprocess(
    upper,
    z
      .string({ error: "UAI ou code de département attendu" })
      .regex(DERNIER_ORGANISME_UAI_REGEX, "UAI ou code de département attendu"),
  )
  .describe("UAI de l'établissement fréquenté l'année précédente, ou son département");

export const TYPES_CFA = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"] as const;
export const type_cfa = z
  .preprocess(
    (v) => {
      const s = trimmed(v);
      return typeof s === "string" ? s.padStart(2, "0") : s;
    },
    z.enum(TYPES_CFA, { error: "Type de CFA invalide (01 à 10)" }),
  )
  .describe("Type de CFA (SIFA) : 01 à 10");
