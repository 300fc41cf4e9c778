import type { OrganismeImport } from "./normalise";
import type { OrganismeReferentiel } from "./organisme";
import type { Relation } from "./plan";

/**
 * SQL text for `wrangler d1 execute --file`: values are inlined as literals (a file cannot bind parameters), so
 * every value goes through `sqlValue`. Multi-row statements stay well under D1's 100 KB per statement.
 */
export function sqlValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

export const ROWS_PER_STATEMENT = 50;
/** D1 refuses statements over 100 KB; rows are packed up to this size. */
export const MAX_STATEMENT_CHARS = 90_000;

type SqlRow = readonly (string | number | boolean | null | undefined)[];

/**
 * `INSERT … VALUES (…), (…)` with at most `ROWS_PER_STATEMENT` rows and about `MAX_STATEMENT_CHARS` characters
 * per statement, with an optional conflict clause (a single row larger than that stays alone in its statement).
 */
export function insertRows(
  table: string,
  columns: readonly string[],
  rows: readonly SqlRow[],
  conflict = "",
  verb = "INSERT",
): string[] {
  const head = `${verb} INTO ${table} (${columns.join(", ")}) VALUES\n`;
  const tail = `${conflict ? `\n${conflict}` : ""};`;
  const statements: string[] = [];
  let values: string[] = [];
  let size = head.length + tail.length;
  for (const row of rows) {
    const text = `(${row.map(sqlValue).join(", ")})`;
    if (values.length > 0 && (values.length === ROWS_PER_STATEMENT || size + text.length + 2 > MAX_STATEMENT_CHARS)) {
      statements.push(head + values.join(",\n") + tail);
      values = [];
      size = head.length + tail.length;
    }
    values.push(text);
    size += text.length + 2;
  }
  if (values.length > 0) statements.push(head + values.join(",\n") + tail);
  return statements;
}

const ORGANISME_COLUMNS = [
  "id",
  "uai",
  "siret",
  "raison_sociale",
  "enseigne",
  "nature",
  "adresse",
  "code_postal",
  "commune",
  "departement",
  "region",
  "academie",
  "ferme",
  "referentiel",
  "created_at",
  "updated_at",
] as const;

/** Rows of the `organismes` table, for the demo seed (which never overwrites: `INSERT OR IGNORE`). */
export function insertOrganismesOrIgnore(
  organismes: readonly (OrganismeReferentiel & { id: string })[],
  now: string,
): string[] {
  const rows = organismes.map((o) => [
    o.id,
    o.uai,
    o.siret,
    o.raisonSociale,
    o.enseigne,
    o.nature,
    o.adresse,
    o.codePostal,
    o.commune,
    o.departement,
    o.region,
    o.academie,
    o.ferme,
    o.referentiel,
    now,
    now,
  ]);
  return insertRows("organismes", ORGANISME_COLUMNS, rows, "", "INSERT OR IGNORE");
}

/**
 * The SQL of an import plan: new couples are inserted (nature "inconnue" and ferme 0 when the file does not say;
 * `DO NOTHING` if a concurrent write created the couple meanwhile), known couples updated by (uai, siret) with
 * only the values the file gives — their id and transmission settings are kept — and marked as présents in the
 * référentiel; then the responsable → formateur relations, resolved to ids by (uai, siret).
 */
export function buildImportSql(
  plan: { creations: readonly OrganismeImport[]; updates: readonly OrganismeImport[]; relations: readonly Relation[] },
  now: string,
  newId: () => string,
): string[] {
  const rows = plan.creations.map((o) => [
    newId(),
    o.uai,
    o.siret,
    o.raisonSociale,
    o.enseigne,
    o.nature ?? "inconnue",
    o.adresse,
    o.codePostal,
    o.commune,
    o.departement,
    o.region,
    o.academie,
    o.ferme ?? false,
    true,
    now,
    now,
  ]);
  return [
    ...insertRows("organismes", ORGANISME_COLUMNS, rows, "ON CONFLICT (uai, siret) DO NOTHING"),
    ...plan.updates.map((o) => updateOrganisme(o, now)),
    ...plan.relations.map(insertRelation),
  ];
}

const UPDATABLE: readonly (readonly [keyof OrganismeImport, string])[] = [
  ["raisonSociale", "raison_sociale"],
  ["enseigne", "enseigne"],
  ["nature", "nature"],
  ["adresse", "adresse"],
  ["codePostal", "code_postal"],
  ["commune", "commune"],
  ["departement", "departement"],
  ["region", "region"],
  ["academie", "academie"],
  ["ferme", "ferme"],
];

function updateOrganisme(o: OrganismeImport, now: string): string {
  const set = UPDATABLE.filter(([field]) => o[field] !== null).map(
    ([field, column]) => `${column} = ${sqlValue(o[field])}`,
  );
  set.push("referentiel = 1", `updated_at = ${sqlValue(now)}`);
  return `UPDATE organismes SET ${set.join(", ")} WHERE uai = ${sqlValue(o.uai)} AND siret = ${sqlValue(o.siret)};`;
}

function insertRelation({ responsable, formateur }: Relation): string {
  return (
    "INSERT OR IGNORE INTO organisme_relations (responsable_id, formateur_id) SELECT r.id, f.id FROM organismes r, organismes f" +
    ` WHERE r.uai = ${sqlValue(responsable.uai)} AND r.siret = ${sqlValue(responsable.siret)}` +
    ` AND f.uai = ${sqlValue(formateur.uai)} AND f.siret = ${sqlValue(formateur.siret)};`
  );
}
