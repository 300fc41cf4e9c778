/**
 * The seed's transmission report ("Rapport de transmission"): one line per dossier with N°, Formation, Apprenant,
 * Statut sur TBA, Employeur, Début, Fin, État du dossier. Pure: the ERP simulator and the web app both use it.
 */
import { OUTCOME_LABELS, statutLabel } from "./labels";
import type { Statut } from "./parcours";

export const RAPPORT_COLUMNS = [
  "N°",
  "Formation",
  "Apprenant",
  "Statut sur TBA",
  "Employeur",
  "Début",
  "Fin",
  "État du dossier",
  "Erreurs",
] as const;

/** What the report needs of one dossier: the echoed fields and the API's verdict. */
export interface RapportItem {
  libelle_court_formation?: unknown;
  formation_cfd?: unknown;
  nom_apprenant?: unknown;
  prenom_apprenant?: unknown;
  sexe_apprenant?: unknown;
  siret_employeur?: unknown;
  contrat_date_debut?: unknown;
  contrat_date_fin?: unknown;
  date_entree_formation?: unknown;
  date_fin_formation?: unknown;
  validation_errors: { message: string; path: string }[];
  outcome: keyof typeof OUTCOME_LABELS;
  statut: Statut | null;
}

/** The ERP's raw codes (H, 1, 2) shown as the API normalises them. */
const SEXE_AFFICHE: Record<string, string> = { M: "M", H: "M", "1": "M", F: "F", "2": "F" };

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value).trim());

/** "2024-06-30" → "30/06/2024"; anything else as it came. */
export function dateFr(value: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(value));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text(value);
}

export function rapportLine(item: RapportItem, numero: number): string[] {
  const formation = [
    text(item.libelle_court_formation),
    dateFr(item.date_entree_formation) && `${dateFr(item.date_entree_formation)}-${dateFr(item.date_fin_formation)}`,
  ]
    .filter(Boolean)
    .join(" ");
  const sexe = SEXE_AFFICHE[text(item.sexe_apprenant).toUpperCase()] ?? text(item.sexe_apprenant);
  const apprenant =
    `${text(item.nom_apprenant).toUpperCase()} ${text(item.prenom_apprenant)}${sexe ? ` (${sexe})` : ""}`.trim();
  const erreurs = item.validation_errors.map((e) => `${e.path} : ${e.message}`).join(" ; ");
  return [
    String(numero),
    formation,
    apprenant,
    statutLabel(item.statut),
    text(item.siret_employeur),
    dateFr(item.contrat_date_debut),
    dateFr(item.contrat_date_fin),
    OUTCOME_LABELS[item.outcome],
    erreurs,
  ];
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a formula: such a cell gets a leading
 * single quote, shown as text. Every cell here is text (names, labels, dates, SIRET), so no negative number is altered.
 */
const neutraliseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const quote = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const csvCell = (value: string) => quote(neutraliseFormula(value));

/** CSV as French spreadsheets open it: `;` separator, UTF-8 with BOM, CRLF; cells that would be formulas are text. */
export function toCsv(header: readonly string[], lines: string[][]): string {
  return "\uFEFF" + [header, ...lines].map((line) => line.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
