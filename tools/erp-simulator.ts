/**
 * An ERP, for demos and tests: generates realistic dossiers (or reads an export), pushes them to
 * POST /api/v3/dossiers-apprenants in batches of 2000 with the exchange key, prints the seed's transmission
 * report and writes the complete report to a CSV file.
 *
 *   npm run erp -- --key <clé> [--url http://localhost:8787] [--count 100 | --file export.csv|export.json]
 *                  [--uai 0751234A --siret 12345678901234] [--annee 2026-2027] [--seed 1] [--invalides 0.05]
 *                  [--out rapport.csv] [--test] [--quiet]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseCsv } from "../db/referentiel/csv";
import { anneeScolaireOf } from "../worker/domain/annee-scolaire";
import { RAPPORT_COLUMNS, rapportLine, toCsv, type RapportItem } from "../worker/domain/rapport-transmission";
import { generateDossiers, type DossierErp } from "./demo/dossiers";

const BATCH = 2000;

const { values: args } = parseArgs({
  options: {
    key: { type: "string" },
    url: { type: "string", default: "http://localhost:8787" },
    count: { type: "string", default: "100" },
    file: { type: "string" },
    uai: { type: "string" },
    siret: { type: "string" },
    "responsable-uai": { type: "string" },
    "responsable-siret": { type: "string" },
    annee: { type: "string" },
    seed: { type: "string", default: "1" },
    invalides: { type: "string", default: "0.05" },
    out: { type: "string" },
    test: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`Erreur : ${message}`);
  process.exit(1);
}

if (!args.key) fail("indiquez la clé d'échange : npm run erp -- --key <clé>");
const headers = { Authorization: `Bearer ${args.key}`, "Content-Type": "application/json" };

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${args.url}${path}`, { ...init, headers });
  } catch {
    fail(`le serveur ${args.url} est injoignable (lancez npm run dev).`);
  }
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) fail(`${response.status} — ${body?.message ?? response.statusText}`);
  return body;
}

/** Reads an ERP export: a JSON array, or a CSV whose header holds the API's field names. */
function readExport(path: string): DossierErp[] {
  const content = readFileSync(path, "utf8");
  if (path.toLowerCase().endsWith(".json")) {
    const parsed = JSON.parse(content);
    if (!Array.isArray(parsed)) fail("le fichier JSON doit contenir un tableau de dossiers.");
    return parsed;
  }
  const [header, ...records] = parseCsv(content);
  if (!header) fail("le fichier CSV est vide.");
  return records.map((record) =>
    Object.fromEntries(
      header.values.map((name, i) => [name.trim(), record.values[i] ?? ""]).filter(([, value]) => value !== ""),
    ),
  );
}

async function dossiersToSend(): Promise<DossierErp[]> {
  if (args.file) return readExport(args.file);
  let formateur = args.uai && args.siret ? { uai: args.uai, siret: args.siret } : null;
  if (!formateur) {
    const organisme = (await call("/api/v3/organisme")) as { uai: string | null; siret: string };
    if (!organisme.uai) fail("l'organisme de la clé n'a pas d'UAI : indiquez --uai et --siret.");
    formateur = { uai: organisme.uai, siret: organisme.siret };
  }
  const responsable =
    args["responsable-uai"] && args["responsable-siret"]
      ? { uai: args["responsable-uai"], siret: args["responsable-siret"] }
      : formateur;
  const today = new Date().toISOString().slice(0, 10);
  return generateDossiers({
    count: Number(args.count),
    seed: Number(args.seed),
    anneeScolaire: args.annee ?? anneeScolaireOf(today),
    formateur,
    responsable,
    invalidRatio: Number(args.invalides),
  });
}

function printReport(lines: string[][]) {
  const shown = args.quiet ? [] : lines.slice(0, 30);
  const widths = RAPPORT_COLUMNS.slice(0, 8).map((title, i) =>
    Math.min(40, Math.max(title.length, ...shown.map((l) => l[i].length))),
  );
  const row = (cells: readonly string[]) =>
    cells
      .slice(0, 8)
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i]))
      .join(" │ ");
  if (shown.length) {
    console.log(row(RAPPORT_COLUMNS));
    console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
    for (const line of shown) {
      console.log(row(line));
      if (line[8]) console.log(`    ↳ ${line[8]}`);
    }
    if (lines.length > shown.length)
      console.log(`… ${lines.length - shown.length} autres lignes dans le rapport complet`);
  }
}

if (args.test) {
  console.log(JSON.stringify(await call("/api/v3/dossiers-apprenants/test", { method: "POST" })));
  process.exit(0);
}

const dossiers = await dossiersToSend();
const items: RapportItem[] = [];
const started = performance.now();
for (let start = 0; start < dossiers.length; start += BATCH) {
  const batch = dossiers.slice(start, start + BATCH);
  const body = (await call("/api/v3/dossiers-apprenants", { method: "POST", body: JSON.stringify(batch) })) as {
    data: RapportItem[];
  };
  items.push(...body.data);
  if (!args.quiet)
    process.stderr.write(`\r${Math.min(start + BATCH, dossiers.length)} / ${dossiers.length} dossiers transmis`);
}
if (!args.quiet) process.stderr.write("\n");

const lines = items.map((item, i) => rapportLine(item, i + 1));
console.log(`Tableau de bord de l'apprentissage : Rapport de transmission`);
console.log(`Dernière transmission vers TBA : ${new Date().toLocaleDateString("fr-FR")}`);
printReport(lines);
const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
const invalid = count("invalid");
console.log(
  `${items.length} Dossiers apprenants — ${items.length - invalid} transmis (${count("created")} créés, ${count("updated")} mis à jour, ` +
    `${count("unchanged")} inchangés, ${count("held")} en attente de confirmation), ${invalid} invalides — ${Math.round(performance.now() - started)} ms`,
);
const out = args.out ?? `transmission-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.csv`;
writeFileSync(out, toCsv(RAPPORT_COLUMNS, lines));
console.log(`Rapport complet : ${out}`);
