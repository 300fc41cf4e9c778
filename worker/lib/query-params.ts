/** Query parameters of the indicator and transmission routes, checked with French messages. */
import { badRequest } from "./errors";
import { anneeScolaireOf } from "../domain/annee-scolaire";

export const todayParis = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/** "YYYY-MM-DD" that names a real day (2024-02-30 is refused, not rolled over to March). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function dateParam(value: string | undefined): string {
  const date = value ?? todayParis();
  if (!isIsoDate(date)) throw badRequest("Date invalide (format attendu : AAAA-MM-JJ).");
  return date;
}

/** A school year "2026-2027" (August to July); the current one when absent. */
export function anneeScolaireParam(value: string | undefined): string {
  if (value === undefined) return anneeScolaireOf(todayParis());
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  if (!match || Number(match[2]) !== Number(match[1]) + 1)
    throw badRequest("Année scolaire invalide (format attendu : 2026-2027).");
  return value;
}

export const JOURS_MAX = 366;

export function joursParam(value: string | undefined): number {
  if (value === undefined) return 30;
  const jours = Number(value);
  if (!Number.isInteger(jours) || jours < 1 || jours > JOURS_MAX)
    throw badRequest(`Nombre de jours invalide (entre 1 et ${JOURS_MAX}).`);
  return jours;
}

/** Past this, a page number is a mistake: the offset must stay a safe integer for D1. */
const PAGE_MAX = 1_000_000;

/** A whole number written in digits only: "1e20", "2.5", "Infinity" and "-3" are not page numbers. */
function positiveInteger(value: string, max: number): number | null {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : null;
}

/** `page` (default 1) and `taille` (default 50, clamped to `tailleMax`) of a paged list; 400 when not a whole number ≥ 1. */
export function pageParams(
  query: { page?: string; taille?: string },
  tailleMax: number,
): { page: number; taille: number } {
  const page = query.page === undefined ? 1 : positiveInteger(query.page, PAGE_MAX);
  if (page === null) throw badRequest("Numéro de page invalide (nombre entier à partir de 1).");
  const taille = query.taille === undefined ? 50 : positiveInteger(query.taille, Number.MAX_SAFE_INTEGER);
  if (taille === null) throw badRequest("Taille de page invalide (nombre entier à partir de 1).");
  return { page, taille: Math.min(tailleMax, taille) };
}
