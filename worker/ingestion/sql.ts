/**
 * Multi-row writes that respect D1's 100 bound parameters per statement: the rows travel as ONE JSON parameter
 * read with json_each, so a 2000-row upsert is a handful of statements instead of hundreds. The rows and their
 * column lists are derived from the drizzle schema (db/schema.ts), keyed by SQL column name as the statements
 * name them.
 */
export { sqlColumns, type SqlRow } from "./columns";

/** Size of the JSON parameter of one statement; D1 accepts values up to 2 MB, we stay well below. */
const MAX_JSON_PARAM_CHARS = 400_000;

/** Splits rows (already as JSON texts) into JSON arrays of at most MAX_JSON_PARAM_CHARS characters. */
export function jsonChunks(rowsJson: string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rowsJson) {
    if (current.length > 0 && size + row.length + 1 > MAX_JSON_PARAM_CHARS) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(row);
    size += row.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(",")}]`);
  return chunks;
}

/** `INSERT INTO table (columns) … [onConflict]` for any number of rows, in as few statements as the size allows. */
export function insertRows<T extends object>(
  db: D1Database,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: T[],
  onConflict = "",
): D1PreparedStatement[] {
  if (rows.length === 0) return [];
  const select = columns.map((_, i) => `j.value ->> '$[${i}]'`).join(", ");
  // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join constraint.
  const sql = `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${select} FROM json_each(?) AS j WHERE true ${onConflict}`;
  const rowsJson = rows.map((row) => JSON.stringify(columns.map((c) => (row as Record<string, unknown>)[c] ?? null)));
  return jsonChunks(rowsJson).map((chunk) => db.prepare(sql).bind(chunk));
}

/** `ON CONFLICT (target) DO UPDATE SET c = excluded.c, …` for the given columns. */
export const upsertClause = (target: string, columns: readonly string[]) =>
  `ON CONFLICT (${target}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(", ")}`;

/** Prefix of the error that conflictGuard raises, to tell a lost race from a real failure. */
export const CONFLICT_MARKER = "malformed JSON";

/**
 * Optimistic concurrency inside an atomic batch: fails the whole batch when one of the effectifs is no longer in
 * the state the push was computed from (expected data_hash, or null for "did not exist"). json() of a non-JSON
 * text is the only way to raise an error from plain SQL; it runs only for the rows that changed.
 */
export function conflictGuard(
  db: D1Database,
  expected: { organismeId: string; anneeScolaire: string; idErpApprenant: string; dataHash: string | null }[],
): D1PreparedStatement[] {
  if (expected.length === 0) return [];
  const sql = `SELECT json('conflit ' || j.value) FROM json_each(?) AS j
     LEFT JOIN effectifs e ON e.organisme_id = j.value ->> '$[0]' AND e.annee_scolaire = j.value ->> '$[1]'
                          AND e.id_erp_apprenant = j.value ->> '$[2]'
    WHERE e.data_hash IS NOT (j.value ->> '$[3]')`;
  const rowsJson = expected.map((e) => JSON.stringify([e.organismeId, e.anneeScolaire, e.idErpApprenant, e.dataHash]));
  return jsonChunks(rowsJson).map((chunk) => db.prepare(sql).bind(chunk));
}

export const isConflict = (error: unknown) => error instanceof Error && error.message.includes(CONFLICT_MARKER);
