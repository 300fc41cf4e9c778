/** The month by month evolution of the counters over one school year (Mes indicateurs). */
import { countIndicateurs } from "./indicateurs-query";
import type { Indicateurs } from "../domain/indicators";

export interface PointEvolution {
  /** "2026-08" */
  mois: string;
  /** the day counted: the month's last day, today for the current month, null for a month still to come */
  date: string | null;
  indicateurs: Indicateurs | null;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** August to July of `anneeScolaire` ("2026-2027"), each month with the day its counters are taken at. */
export function moisDeLAnnee(anneeScolaire: string, today: string): { mois: string; date: string | null }[] {
  const rentree = Number(anneeScolaire.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const year = rentree + (i >= 5 ? 1 : 0);
    const month = ((7 + i) % 12) + 1;
    const mois = `${year}-${String(month).padStart(2, "0")}`;
    const fin = lastDayOfMonth(year, month);
    if (`${mois}-01` > today) return { mois, date: null };
    return { mois, date: fin < today ? fin : today };
  });
}

/** One indexed count per month, run concurrently. */
export async function evolutionIndicateurs(
  db: D1Database,
  organismeIds: string[],
  anneeScolaire: string,
  today: string,
): Promise<PointEvolution[]> {
  return Promise.all(
    moisDeLAnnee(anneeScolaire, today).map(async ({ mois, date }) => ({
      mois,
      date,
      indicateurs: date ? await countIndicateurs(db, organismeIds, date) : null,
    })),
  );
}
