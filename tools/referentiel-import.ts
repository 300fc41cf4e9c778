/**
 * `npm run referentiel:import -- <fichier> [--simulation]`: loads a référentiel export into the LOCAL D1 (the one
 * of `npm run dev`), upserting on the couple (uai, siret), and prints created / updated / unchanged / rejected.
 *
 * Accepted files: CSV with a header line (separator `;` or `,`, UTF-8 or Windows-1252) or a JSON array of objects.
 * Columns (header names are matched without case or accents; the usual aliases are understood):
 *   uai             required, 7 digits + 1 letter (trimmed, upper-cased)
 *   siret           required, 14 digits (spaces, dots and dashes removed); a failing Luhn key is accepted
 *   raison_sociale  required
 *   enseigne, adresse, commune
 *   nature          responsable | formateur | responsable_formateur | lieu_formation | inconnue
 *                   ("Responsable et formateur", "Lieu de formation" are understood)
 *   code_postal     5 digits (a lost leading zero is restored)
 *   departement     code ("69", "2A", "974"); derived from code_postal when absent
 *   region          2-digit code ("84"), academie 2-digit code ("10", or "A10")
 *   ferme           1/0, oui/non, vrai/faux, true/false, or the SIRENE état administratif F/A
 *   formateurs      for a responsable: its formateurs as "UAI:SIRET|UAI:SIRET" (in JSON, an array of such strings
 *                   or of {uai, siret}); relations are added, never removed
 * An empty cell never erases a stored value; a known couple keeps its id and transmission settings.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InvalidFileError, readReferentielFile } from "../db/referentiel/file";
import { normaliseLine } from "../db/referentiel/normalise";
import { coupleKey, type Nature, type OrganismeReferentiel } from "../db/referentiel/organisme";
import { planImport } from "../db/referentiel/plan";
import { buildImportSql } from "../db/referentiel/sql";
import { executeLocal, queryLocal } from "./d1-local";

const SHOWN_REJECTS = 100;

interface StoredRow {
  uai: string;
  siret: string;
  raison_sociale: string;
  enseigne: string | null;
  nature: string;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: number;
  referentiel: number;
}

function readText(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV (séparateur : point-virgule)" is Windows-1252.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function existingOrganismes(): Map<string, OrganismeReferentiel> {
  const rows = queryLocal<StoredRow>(
    "SELECT uai, siret, raison_sociale, enseigne, nature, adresse, code_postal, commune, departement, region, academie, ferme, referentiel FROM organismes WHERE uai IS NOT NULL",
  );
  return new Map(
    rows.map((r) => {
      const organisme: OrganismeReferentiel = {
        uai: r.uai,
        siret: r.siret,
        raisonSociale: r.raison_sociale,
        enseigne: r.enseigne,
        nature: r.nature as Nature,
        adresse: r.adresse,
        codePostal: r.code_postal,
        commune: r.commune,
        departement: r.departement,
        region: r.region,
        academie: r.academie,
        ferme: r.ferme === 1,
        referentiel: r.referentiel === 1,
      };
      return [coupleKey(organisme), organisme];
    }),
  );
}

function main() {
  const args = process.argv.slice(2);
  const simulation = args.includes("--simulation");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Usage : npm run referentiel:import -- <fichier.csv|fichier.json> [--simulation]");
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`Fichier introuvable : ${file}`);
    process.exit(2);
  }

  console.log(`Lecture de ${file}…`);
  const lines = readReferentielFile(readText(file)).map(normaliseLine);
  console.log(`${lines.length} organismes lus. Comparaison avec la base locale…`);
  const plan = planImport(lines, existingOrganismes());
  const statements = buildImportSql(plan, new Date().toISOString(), () => crypto.randomUUID());

  if (!simulation && statements.length > 0) {
    executeLocal(statements, (done, total) => {
      process.stdout.write(
        `\rImport dans la base locale : ${done}/${total} requêtes (${Math.round((100 * done) / total)} %)`,
      );
    });
    process.stdout.write("\n");
  }

  for (const { position, reasons } of plan.rejected.slice(0, SHOWN_REJECTS))
    console.log(`  rejeté, ${position} : ${reasons.join(" ; ")}`);
  if (plan.rejected.length > SHOWN_REJECTS) {
    const report = path.join(tmpdir(), `referentiel-rejets-${Date.now()}.txt`);
    writeFileSync(report, plan.rejected.map((r) => `${r.position}\t${r.reasons.join(" ; ")}`).join("\n") + "\n");
    console.log(
      `  … et ${plan.rejected.length - SHOWN_REJECTS} autres lignes rejetées : liste complète dans ${report}`,
    );
  }
  for (const { position, message } of plan.warnings) console.log(`  attention, ${position} : ${message}`);

  console.log(simulation ? "\nSimulation (rien n'a été écrit) :" : "\nRésumé :");
  console.log(`  créés      : ${plan.creations.length}`);
  console.log(`  mis à jour : ${plan.updates.length}`);
  console.log(`  inchangés  : ${plan.unchanged}`);
  console.log(`  rejetés    : ${plan.rejected.length}`);
  console.log(`  relations responsable → formateur (ajoutées ou déjà présentes) : ${plan.relations.length}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof InvalidFileError ? `Fichier invalide : ${error.message}` : error);
  process.exit(1);
}
