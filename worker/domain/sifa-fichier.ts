/**
 * The SIFA file's shape (SPEC §7): its columns in the survey's order, the required ones, the API's answers and the
 * CSV. No zod here: the web app imports this module, and the dossier schema must not be built in the browser for it.
 */

export const COLONNES_SIFA = [
  "INE",
  "NUMERO_UAI",
  "TYPE_CFA",
  "SIT_FORM",
  "UAI_EPLE",
  "NAT_STR_JUR",
  "STATUT",
  "DIPLOME",
  "RNCP",
  "DUR_FORM_THEO",
  "DUR_FORM_REELLE",
  "AN_FORM",
  "NOM",
  "NOM2",
  "PRENOM1",
  "PRENOM2",
  "PRENOM3",
  "ADRESSE",
  "COD_POST",
  "COM_RESID",
  "TEL_JEUNE",
  "TEL_RESP1_PERSO",
  "TEL_RESP1_PRO",
  "TEL_RESP2_PERSO",
  "TEL_RESP2_PRO",
  "MAIL_JEUNE",
  "MAIL_RESP1",
  "MAIL_RESP2",
  "DATE_NAIS",
  "LIEU_NAIS",
  "SEXE",
  "REGIME_SCO",
  "PCS",
  "HANDI",
  "NATIO",
  "SIT_AV_APP",
  "DIP_OBT",
  "SIT_N_1",
  "ETAB_N_1",
  "TYPE_EMP",
  "DATE_ENTREE_CFA",
  "DATE_DEB_CONT",
  "DATE_RUPT_CONT",
  "COM_ETAB",
  "NAF_ETAB",
  "NBSAL_EMP",
  "SIRET_EMP",
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

/** What `GET /api/organismes/:id/sifa` answers. */
export interface EnqueteSifa {
  anneeScolaire: string;
  dateEnquete: string;
  uai: string | null;
  total: number;
  incomplets: {
    effectifId: string;
    nom: string;
    prenom: string;
    formation: string | null;
    manquants: ColonneSifaObligatoire[];
  }[];
}

/** What `GET /api/organismes/:id/sifa/fichier` answers: the lines, in column order, for the browser to build the file. */
export interface FichierSifa {
  anneeScolaire: string;
  dateEnquete: string;
  uai: string | null;
  colonnes: ColonneSifa[];
  lignes: string[][];
}

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
