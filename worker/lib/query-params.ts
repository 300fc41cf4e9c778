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
  if (!match || Number(match[2]) !== Number(match[1]) + 1) throw badRequest("Année scolaire invalide (format attendu : 2026-2027).");
  return value;
}

export const JOURS_MAX = 366;

export function joursParam(value: string | undefined): number {
  if (value === undefined) return 30;
  const jours = Number(value);
  if (!Number.isInteger(jours) || jours < 1 || jours > JOURS_MAX) throw badRequest(`Nombre de jours invalide (entre 1 et ${JOURS_MAX}).`);
  return jours;
}

export function pageParams(query: { page?: string; taille?: string }, tailleMax: number): { page: number; taille: number } {
  const page = Math.max(1, Math.floor(Number(query.page ?? 1)) || 1);
  const taille = Math.min(tailleMax, Math.max(1, Math.floor(Number(query.taille ?? 50)) || 50));
  return { page, taille };
}
