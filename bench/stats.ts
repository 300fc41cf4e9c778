/** Small statistics for the bench tables. */

/** Nearest-rank percentile (p in 0…100) of a non-empty list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]) => percentile(values, 50);

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" │ ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const row of rows) console.log(line(row));
}
