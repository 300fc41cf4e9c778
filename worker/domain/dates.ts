/** Calendar days as the service counts them: in Paris, written "YYYY-MM-DD". */

/** The Paris calendar day of an instant. */
export const parisDay = (instant: Date) => instant.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/** Today in Paris. */
export const todayParis = () => parisDay(new Date());

/** "YYYY-MM-DD" that names a real day (2024-02-30 is refused, not rolled over to March). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
