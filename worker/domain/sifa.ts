/**
 * The SIFA survey (SPEC §7): its population, one line per learner in the survey's column order, the columns whose
 * absence makes a line incomplete, and the CSV the survey imports. Pure: shared by the API and the web app.
 */
import { contratsOf, type DossierNormalise } from "./dossier";
import { toIsoDate } from "./dossier/primitives";
import type { Statut } from "./parcours";

export const COLONNES_SIFA = [
  "INE", "NUMERO_UAI", "TYPE_CFA", "SIT_FORM", "UAI_EPLE", "NAT_STR_JUR", "STATUT", "DIPLOME", "RNCP", "DUR_FORM_THEO",
  "DUR_FORM_REELLE", "AN_FORM", "NOM", "NOM2", "PRENOM1", "PRENOM2", "PRENOM3", "ADRESSE", "COD_POST", "COM_RESID",
  "TEL_JEUNE", "TEL_RESP1_PERSO", "TEL_RESP1_PRO", "TEL_RESP2_PERSO", "TEL_RESP2_PRO", "MAIL_JEUNE", "MAIL_RESP1",
  "MAIL_RESP2", "DATE_NAIS", "LIEU_NAIS", "SEXE", "REGIME_SCO", "PCS", "HANDI", "NATIO", "SIT_AV_APP", "DIP_OBT",
  "SIT_N_1", "ETAB_N_1", "TYPE_EMP", "DATE_ENTREE_CFA", "DATE_DEB_CONT", "DATE_RUPT_CONT", "COM_ETAB", "NAF_ETAB",
  "NBSAL_EMP", "SIRET_EMP",
] as const;
export type ColonneSifa = (typeof COLONNES_SIFA)[number];
export type LigneSifa = Record<ColonneSifa, string>;

/**
 * Columns without which the survey rejects or sends back a line, among those an ERP can fill (SPEC §5.1), each with
 * the dossier field that feeds it (shown to the OFA, who fixes it in its ERP). Columns no dossier field feeds (NATIO,
 * REGIME_SCO, TYPE_EMP, NAF_ETAB…) are left out: flagging them would flag every learner and hide the gaps the OFA can
 * actually close. INE is in: the survey follows learners from one year to the next by it. DUR_FORM_REELLE is
 * computed from the required dates, so it is always there. In column order.
 */
export const CHAMPS_OBLIGATOIRES_SIFA = {
  INE: "ine_apprenant",
  NUMERO_UAI: "etablissement_responsable_uai",
  TYPE_CFA: "type_cfa",
  SIT_FORM: "etablissement_formateur_uai",
  DIPLOME: "formation_cfd (ou formation_rncp)",
  DUR_FORM_THEO: "duree_theorique_formation_mois (ou duree_theorique_formation)",
  AN_FORM: "annee_formation",
  NOM: "nom_apprenant",
  PRENOM1: "prenom_apprenant",
  ADRESSE: "adresse_apprenant",
  COD_POST: "code_postal_apprenant",
  COM_RESID: "code_commune_insee_apprenant",
  DATE_NAIS: "date_de_naissance_apprenant",
  SEXE: "sexe_apprenant",
  HANDI: "rqth_apprenant",
  SIT_N_1: "derniere_situation",
  ETAB_N_1: "dernier_organisme_uai",
  DATE_ENTREE_CFA: "date_entree_formation",
  DATE_DEB_CONT: "contrat_date_debut",
  SIRET_EMP: "siret_employeur",
} as const satisfies Partial<Record<ColonneSifa, string>>;
export type ColonneSifaObligatoire = keyof typeof CHAMPS_OBLIGATOIRES_SIFA;
export const COLONNES_SIFA_OBLIGATOIRES = Object.keys(CHAMPS_OBLIGATOIRES_SIFA) as ColonneSifaObligatoire[];

/** Learners counted by the survey: under contract, or between two contracts, on its date. */
export const STATUTS_POPULATION_SIFA: readonly Statut[] = ["APPRENTI", "RUPTURANT"];

/** 31 December of the rentrée year: "2026-2027" → "2026-12-31". */
export function dateEnqueteSifa(anneeScolaire: string): string {
  return `${anneeScolaire.slice(0, 4)}-12-31`;
}

/** One learner of the population, with the UAIs of its organismes as the référentiel knows them. */
export interface EffectifSifa {
  dossier: DossierNormalise;
  uaiResponsable: string | null;
  uaiFormateur: string | null;
}

/** What `GET /api/organismes/:id/sifa` answers. */
export interface EnqueteSifa {
  anneeScolaire: string;
  dateEnquete: string;
  uai: string | null;
  total: number;
  incomplets: { effectifId: string; nom: string; prenom: string; formation: string | null; manquants: ColonneSifaObligatoire[] }[];
}

/** What `GET /api/organismes/:id/sifa/fichier` answers: the lines, in column order, for the browser to build the file. */
export interface FichierSifa {
  anneeScolaire: string;
  dateEnquete: string;
  uai: string | null;
  colonnes: ColonneSifa[];
  lignes: string[][];
}

/** "JJMMAAAA"; a datetime with a zone is read as the day it is in France. */
export function dateSifa(value: string | null | undefined): string {
  const iso = value ? toIsoDate(value) : null;
  return iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : "";
}

const DAY_MS = 86_400_000;
const MOIS_MOYEN_JOURS = 365.25 / 12;

/** Whole months from entrée to fin de formation, both days included. */
function dureeReelleMois(entree: string, fin: string): string {
  const jours = (Date.parse(`${fin}T00:00:00Z`) - Date.parse(`${entree}T00:00:00Z`)) / DAY_MS + 1;
  return jours > 0 ? String(Math.max(1, Math.round(jours / MOIS_MOYEN_JOURS))) : "";
}

/** An UAI as is; a département code on three characters ("44" → "044"), as the survey expects. */
const etablissementN1 = (value: string | undefined) => (!value ? "" : value.length === 8 ? value : value.padStart(3, "0"));

const texte = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** One line of the survey; employer columns come from the latest contract begun by the survey date. */
export function ligneSifa(effectif: EffectifSifa, dateEnquete: string): LigneSifa {
  const d = effectif.dossier;
  const contrats = contratsOf(d);
  const contrat = contrats.filter((c) => c.date_debut <= dateEnquete).at(-1) ?? contrats.at(-1);
  const dureeTheorique = d.duree_theorique_formation_mois ?? (d.duree_theorique_formation ? d.duree_theorique_formation * 12 : undefined);
  return {
    INE: texte(d.ine_apprenant),
    NUMERO_UAI: effectif.uaiResponsable ?? d.etablissement_responsable_uai,
    TYPE_CFA: texte(d.type_cfa),
    SIT_FORM: effectif.uaiFormateur ?? d.etablissement_formateur_uai,
    UAI_EPLE: "NC",
    NAT_STR_JUR: "NC",
    STATUT: "APP",
    DIPLOME: d.formation_cfd ?? d.formation_rncp ?? "",
    RNCP: texte(d.formation_rncp),
    DUR_FORM_THEO: texte(dureeTheorique),
    DUR_FORM_REELLE: dureeReelleMois(d.date_entree_formation, d.date_fin_formation),
    AN_FORM: texte(d.annee_formation),
    NOM: d.nom_apprenant,
    NOM2: "",
    PRENOM1: d.prenom_apprenant,
    PRENOM2: "",
    PRENOM3: "",
    ADRESSE: texte(d.adresse_apprenant),
    COD_POST: texte(d.code_postal_apprenant),
    COM_RESID: texte(d.code_commune_insee_apprenant),
    TEL_JEUNE: texte(d.tel_apprenant),
    TEL_RESP1_PERSO: "",
    TEL_RESP1_PRO: "",
    TEL_RESP2_PERSO: "",
    TEL_RESP2_PRO: "",
    MAIL_JEUNE: texte(d.email_contact),
    MAIL_RESP1: texte(d.responsable_apprenant_mail1),
    MAIL_RESP2: texte(d.responsable_apprenant_mail2),
    DATE_NAIS: dateSifa(d.date_de_naissance_apprenant),
    LIEU_NAIS: texte(d.code_commune_insee_de_naissance_apprenant),
    SEXE: d.sexe_apprenant === undefined ? "" : d.sexe_apprenant === "M" ? "1" : "2",
    REGIME_SCO: "",
    PCS: "",
    HANDI: d.rqth_apprenant === undefined ? "" : d.rqth_apprenant ? "1" : "0",
    NATIO: "",
    SIT_AV_APP: "",
    DIP_OBT: "",
    SIT_N_1: texte(d.derniere_situation),
    ETAB_N_1: etablissementN1(d.dernier_organisme_uai),
    TYPE_EMP: "",
    DATE_ENTREE_CFA: dateSifa(d.date_entree_formation),
    DATE_DEB_CONT: dateSifa(contrat?.date_debut),
    DATE_RUPT_CONT: dateSifa(contrat?.date_rupture),
    COM_ETAB: "",
    NAF_ETAB: "",
    NBSAL_EMP: "",
    SIRET_EMP: texte(contrat?.siret_employeur),
  };
}

export const valeursSifa = (ligne: LigneSifa): string[] => COLONNES_SIFA.map((c) => ligne[c]);

/** The required columns left empty in a line, in column order. */
export const colonnesManquantes = (ligne: LigneSifa): ColonneSifaObligatoire[] => COLONNES_SIFA_OBLIGATOIRES.filter((c) => ligne[c] === "");

/**
 * A spreadsheet runs a cell starting with = @ (or tab, CR), or + - followed by something other than a digit, as a
 * formula: such a cell gets a leading quote. Phone numbers in E.164 ("+33…") are data and stay as they are.
 */
const neutraliseFormula = (value: string) => (/^([=@\t\r]|[+-][^0-9])/.test(value) ? `'${value}` : value);

const quote = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The survey's CSV: `;` separator, UTF-8 with BOM, CRLF, and no header line. */
export function csvSifa(lignes: string[][]): string {
  return "\uFEFF" + lignes.map((l) => l.map((v) => quote(neutraliseFormula(v))).join(";") + "\r\n").join("");
}
