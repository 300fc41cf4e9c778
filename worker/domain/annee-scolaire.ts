/** School years (SPEC §2): "2023-2024" runs from 1 August to 31 July; "2024-2024" is a calendar year. */

/** The school year containing `date` ("YYYY-MM-DD"): August starts a new one. */
export function anneeScolaireOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** The calendar year of `date`, in the "Y-Y" form that some ERPs send. */
export function anneeCivileOf(date: string): string {
  const year = date.slice(0, 4);
  return `${year}-${year}`;
}

/** Both years an indicator at `date` looks at (SPEC §6). */
export function anneesScolairesAt(date: string): [string, string] {
  return [anneeScolaireOf(date), anneeCivileOf(date)];
}

/** "2023 - 2024", "2023/2024" → "2023-2024"; null when it is not two equal or consecutive years. */
export function normaliseAnneeScolaire(value: string): string | null {
  const match = /^([12][0-9]{3})-([12][0-9]{3})$/.exec(value.replace(/\//g, "-").replace(/\s+/g, ""));
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  return second === first || second === first + 1 ? `${first}-${second}` : null;
}
