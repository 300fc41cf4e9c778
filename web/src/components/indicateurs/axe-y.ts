/** The evolution chart's y-axis (pure: tested without a browser). */

/**
 * The y-axis: ticks every 1, 2 or 5 times a power of ten, at most five steps, from 0 to the first tick at or above
 * `value` — whole, evenly spaced numbers (0, 1, 2, 3, 4; not 0, 1, 3, 4, 5 from rounding quarters of 5).
 */
export function axeY(value: number): { max: number; ticks: number[] } {
  const quart = Math.max(4, value) / 4;
  const power = 10 ** Math.floor(Math.log10(quart));
  const step = [1, 2, 5, 10].map((f) => f * power).find((v) => v >= quart)!;
  const max = step * Math.ceil(Math.max(4, value) / step);
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) };
}
