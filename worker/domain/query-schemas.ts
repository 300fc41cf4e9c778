/**
 * The query parameters shared by several routes, as zod schemas with French messages: one rule for each, whatever
 * the route (a date is "YYYY-MM-DD" naming a real day everywhere).
 */
import { z } from "zod";
import { anneeScolaireOf } from "./annee-scolaire";
import { isIsoDate, todayParis } from "./dates";

const DATE_MESSAGE = "Date invalide (format attendu : AAAA-MM-JJ).";

/** A day; today in Paris when absent. */
export const dateQuery = z
  .string({ error: DATE_MESSAGE })
  .optional()
  .transform((value) => value ?? todayParis())
  .refine(isIsoDate, DATE_MESSAGE);

/** A day, same rule, when the route does something else without one (no default). */
export const optionalDateQuery = z.string({ error: DATE_MESSAGE }).refine(isIsoDate, DATE_MESSAGE).optional();

const ANNEE_MESSAGE = "Année scolaire invalide (format attendu : 2026-2027).";

/** A school year "2026-2027" (August to July); the current one when absent. */
export const anneeScolaireQuery = z
  .string({ error: ANNEE_MESSAGE })
  .optional()
  .transform((value) => value ?? anneeScolaireOf(todayParis()))
  .refine((value) => {
    const match = /^(\d{4})-(\d{4})$/.exec(value);
    return match !== null && Number(match[2]) === Number(match[1]) + 1;
  }, ANNEE_MESSAGE);

export const JOURS_MAX = 366;
const JOURS_MESSAGE = `Nombre de jours invalide (entre 1 et ${JOURS_MAX}).`;

/** A number of days, 30 when absent. */
export const joursQuery = z
  .string({ error: JOURS_MESSAGE })
  .optional()
  .transform((value) => (value === undefined ? 30 : Number(value)))
  .refine((jours) => Number.isInteger(jours) && jours >= 1 && jours <= JOURS_MAX, JOURS_MESSAGE);

/** Past this, a page number is a mistake: the offset must stay a safe integer for D1. */
const PAGE_MAX = 1_000_000;

/** A whole number written in digits only: "1e20", "2.5", "Infinity" and "-3" are not. */
const wholeNumber = (message: string, fallback: number, max: number) =>
  z
    .string({ error: message })
    .optional()
    .transform((value) => (value === undefined ? fallback : /^\d+$/.test(value) ? Number(value) : NaN))
    .refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= max, message);

/** `page` (default 1) and `taille` (default 50, clamped to `tailleMax`) of a paged list. */
export const pageQuery = (tailleMax: number) =>
  z.object({
    page: wholeNumber("Numéro de page invalide (nombre entier à partir de 1).", 1, PAGE_MAX),
    taille: wholeNumber(
      "Taille de page invalide (nombre entier à partir de 1).",
      50,
      Number.MAX_SAFE_INTEGER,
    ).transform((taille) => Math.min(tailleMax, taille)),
  });
