/**
 * How long learners' data is kept (issue: national scale, retention): the current school year and the three before
 * it, by default. A school year "AAAA-BBBB" (or the calendar year "AAAA-AAAA") is purged once AAAA is before the
 * first year kept. Pure: the daily cron (worker/scheduled/retention.ts) and the README say the same thing.
 */
import { anneeScolaireOf } from "./annee-scolaire";

export const ANNEES_CONSERVEES_PAR_DEFAUT = 4;

/** The first starting year kept at `today`: every année scolaire starting before it is purged. */
export function premiereAnneeConservee(today: string, anneesConservees = ANNEES_CONSERVEES_PAR_DEFAUT): number {
  return Number(anneeScolaireOf(today).slice(0, 4)) - (anneesConservees - 1);
}

/** `annee_scolaire < this` (text order) is exactly "starts before the first year kept". */
export const bornePurge = (premiere: number) => String(premiere);

export const estPurgee = (anneeScolaire: string, premiere: number) => Number(anneeScolaire.slice(0, 4)) < premiere;
