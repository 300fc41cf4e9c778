// db/schema.ts (what drizzle queries and what drizzle-kit diffs against) must describe exactly the database the
// migrations build (what wrangler applies in production, and what test/apply-migrations.ts applied to env.DB here).
// `npm run db:check` catches a schema change without its migration; this catches the other direction too: a
// hand-written (custom) migration that changes a table without the schema, or a schema whose baseline snapshot
// never matched the SQL. What drizzle cannot express is checked here by name: WITHOUT ROWID, triggers, seed rows.
import { env } from "cloudflare:test";
import { getTableName, is, SQL } from "drizzle-orm";
import { getTableConfig, SQLiteColumn, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import journal from "../../db/migrations/meta/_journal.json";
import * as schema from "../../db/schema";

/** Declared in custom migration 0002: drizzle-kit cannot write them, so a table rebuild by drizzle-kit would lose them. */
const WITHOUT_ROWID = [
  "effectif_statuts_mois",
  "effectif_statuts_variations",
  // custom part of migration 0011
  "effectif_formations_mois",
  "effectif_formations_variations",
  "formation_libelles",
];
const TRIGGERS = {
  effectif_statuts_compteurs_insert: "effectif_statuts",
  effectif_statuts_compteurs_delete: "effectif_statuts",
  effectif_statuts_compteurs_update: "effectif_statuts",
  effectif_formations_intervalle_insert: "effectif_statuts",
  effectif_formations_intervalle_delete: "effectif_statuts",
  effectif_formations_effectif_insert: "effectifs",
  effectif_formations_effectif_update: "effectifs",
  effectif_formations_effectif_delete: "effectifs",
  effectifs_par_organisme_insert: "effectifs",
  effectifs_par_organisme_delete: "effectifs",
  effectifs_par_organisme_update: "effectifs",
};

type ColumnShape = { name: string; type: string; notNull: boolean; default: string | null };
type IndexShape = { name: string; columns: string[]; unique: boolean; where: string | null };
type TableShape = {
  columns: ColumnShape[];
  primaryKey: string[];
  autoincrement: boolean;
  indexes: IndexShape[];
  foreignKeys: string[];
};

const dialect = new SQLiteSyncDialect();
const render = (fragment: SQL) => dialect.sqlToQuery(fragment).sql;
/** `"t"."col" = 'x'`, `` `col` = 'x' `` and `col = 'x'` are the same condition. */
const normaliseCondition = (table: string, condition: string) =>
  condition
    .replaceAll(`"${table}".`, "")
    .replaceAll(`\`${table}\`.`, "")
    .replace(/[`"]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

function sqlDefault(column: SQLiteColumn): string | null {
  if (!column.hasDefault || column.default === undefined) return null;
  const value: unknown = column.default;
  if (is(value, SQL)) return `(${render(value)})`;
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

/** The tables as db/schema.ts declares them. */
function fromSchema(): Record<string, TableShape> {
  const tables: Record<string, TableShape> = {};
  for (const table of (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable =>
    is(value, SQLiteTable),
  )) {
    const config = getTableConfig(table);
    const indexes: IndexShape[] = config.indexes.map(({ config: index }) => ({
      name: index.name,
      // A collated column (`sql\`${t.nom} COLLATE NOCASE\``) is that column for PRAGMA index_info; any other
      // expression is compared as written.
      columns: index.columns.map((column) => {
        if (!is(column, SQL)) return column.name;
        const collated = /^"[^"]+"\."([^"]+)" COLLATE \w+$/.exec(render(column));
        return collated ? collated[1] : normaliseCondition(config.name, render(column));
      }),
      unique: index.unique,
      where: index.where ? normaliseCondition(config.name, render(index.where)) : null,
    }));
    // drizzle-kit writes `.unique()` and unique constraints as unique indexes with these names
    for (const column of config.columns.filter((c) => c.isUnique))
      indexes.push({ name: column.uniqueName!, columns: [column.name], unique: true, where: null });
    for (const constraint of config.uniqueConstraints)
      indexes.push({
        name: constraint.getName() ?? "<unnamed unique constraint>",
        columns: constraint.columns.map((c) => c.name),
        unique: true,
        where: null,
      });
    tables[config.name] = {
      columns: byName(
        config.columns.map((column) => ({
          name: column.name,
          type: column.getSQLType().toLowerCase(),
          notNull: column.notNull,
          default: sqlDefault(column),
        })),
      ),
      primaryKey:
        config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name),
      autoincrement: config.columns.some((c) => "autoIncrement" in c && c.autoIncrement === true),
      indexes: byName(indexes),
      foreignKeys: config.foreignKeys
        .map((fk) => {
          const { columns, foreignColumns, foreignTable } = fk.reference();
          return `${columns.map((c) => c.name).join(",")} -> ${getTableName(foreignTable)}(${foreignColumns.map((c) => c.name).join(",")})`;
        })
        .sort(),
    };
  }
  return tables;
}

async function all<T>(query: string, ...params: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

/** The terms of `CREATE INDEX … ON t (a, (b || c), d) [WHERE …]` as written: ["a", "(b || c)", "d"]. */
function indexedTerms(definition: string): string[] {
  const open = definition.indexOf("(");
  const terms: string[] = [];
  let depth = 0;
  let term = "";
  for (const ch of definition.slice(open + 1)) {
    if (ch === "(") depth++;
    if (ch === ")" && depth-- === 0) break;
    if (ch === "," && depth === 0) {
      terms.push(term.trim());
      term = "";
    } else term += ch;
  }
  return [...terms, term.trim()];
}

type MasterRow = { type: string; name: string; tbl_name: string; sql: string | null };

/** The tables as the migrations built them. */
async function fromDatabase(master: MasterRow[]): Promise<Record<string, TableShape>> {
  const tables: Record<string, TableShape> = {};
  for (const { name: table, sql } of master.filter((row) => row.type === "table")) {
    const info = await all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      `PRAGMA table_info(\`${table}\`)`,
    );
    const indexes: IndexShape[] = [];
    for (const index of await all<{ name: string; unique: number; origin: string; partial: number }>(
      `PRAGMA index_list(\`${table}\`)`,
    )) {
      if (index.origin === "pk") continue; // compared as primaryKey
      const columns = await all<{ seqno: number; name: string | null }>(`PRAGMA index_info(\`${index.name}\`)`);
      const definition = master.find((row) => row.type === "index" && row.name === index.name)?.sql ?? "";
      const where = index.partial ? /\bWHERE\b([\s\S]*)$/i.exec(definition)?.[1] : undefined;
      const written = indexedTerms(definition);
      indexes.push({
        name: index.name,
        columns: columns
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name ?? normaliseCondition(table, written[c.seqno] ?? "<expression>")),
        unique: index.unique === 1,
        where: where === undefined ? null : normaliseCondition(table, where),
      });
    }
    const foreignKeys = await all<{ id: number; seq: number; table: string; from: string; to: string }>(
      `PRAGMA foreign_key_list(\`${table}\`)`,
    );
    const fkById = new Map<number, typeof foreignKeys>();
    for (const fk of foreignKeys) fkById.set(fk.id, [...(fkById.get(fk.id) ?? []), fk]);
    tables[table] = {
      columns: byName(
        info.map((column) => ({
          name: column.name,
          type: column.type.toLowerCase(),
          notNull: column.notnull === 1 || column.pk > 0,
          default: column.dflt_value,
        })),
      ),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      autoincrement: /\bAUTOINCREMENT\b/i.test(sql ?? ""),
      indexes: byName(indexes),
      foreignKeys: [...fkById.values()]
        .map((fk) => {
          const parts = fk.sort((a, b) => a.seq - b.seq);
          return `${parts.map((p) => p.from).join(",")} -> ${parts[0].table}(${parts.map((p) => p.to).join(",")})`;
        })
        .sort(),
    };
  }
  return tables;
}

async function master(): Promise<MasterRow[]> {
  return all<MasterRow>(
    `SELECT type, name, tbl_name, sql FROM sqlite_master
      WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND tbl_name <> 'd1_migrations'
      ORDER BY type, name`,
  );
}

describe("db/schema.ts and db/migrations", () => {
  it("describe the same tables, columns, primary keys, indexes and foreign keys", async () => {
    const expected = fromSchema();
    const actual = await fromDatabase(await master());
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const table of Object.keys(expected)) {
      expect({ table, ...actual[table] }).toEqual({ table, ...expected[table] });
    }
  });

  it("keep what drizzle cannot express: WITHOUT ROWID tables, the counters' triggers and the seed rows", async () => {
    const rows = await master();
    const withoutRowid = rows
      .filter((row) => row.type === "table" && /\)\s*WITHOUT\s+ROWID\s*$/i.test(row.sql ?? ""))
      .map((row) => row.name);
    expect(withoutRowid.sort()).toEqual([...WITHOUT_ROWID].sort());
    const triggers = Object.fromEntries(
      rows.filter((row) => row.type === "trigger").map((row) => [row.name, row.tbl_name]),
    );
    expect(triggers).toEqual(TRIGGERS);
    const mois = await all<{ rang: number }>("SELECT rang FROM calendrier_mois ORDER BY rang");
    expect(mois.map((m) => m.rang)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const erps = await all<{ n: number }>("SELECT count(*) AS n FROM erps");
    expect(erps[0].n).toBeGreaterThanOrEqual(11);
  });

  it("has every migration file in drizzle-kit's journal, in the order wrangler applies them", () => {
    const files = env.TEST_MIGRATIONS.map((migration) => migration.name);
    expect(files.length).toBeGreaterThan(0);
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
  });
});
