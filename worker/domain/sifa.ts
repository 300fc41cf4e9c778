/**
 * The SIFA survey (SPEC §7): its population and date, one line per learner in the survey's column order, and the
 * required columns a line misses. Pure. The file's shape (columns, CSV, API answers) is in ./sifa-fichier.
 */
import { contratsOf, type DossierNormalise } from "./dossier";
import { toIsoDate } from "./dossier/primitives";
import type { Statut } from "./parcours";
import { COLONNES_SIFA, COLONNES_SIFA_OBLIGATOIRES, type ColonneSifaObligatoire, type LigneSifa } from "./sifa-fichier";

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
const etablissementN1 = (value: string | undefined) =>
  !value ? "" : value.length === 8 ? value : value.padStart(3, "0");

const texte = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

/** One line of the survey; employer columns come from the latest contract begun by the survey date. */
export function ligneSifa(effectif: EffectifSifa, dateEnquete: string): LigneSifa {
  const d = effectif.dossier;
  const contrats = contratsOf(d);
  const contrat = contrats.filter((c) => c.date_debut <= dateEnquete).at(-1) ?? contrats.at(-1);
  const dureeTheorique =
    d.duree_theorique_formation_mois ?? (d.duree_theorique_formation ? d.duree_theorique_formation * 12 : undefined);
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
export const colonnesManquantes = (ligne: LigneSifa): ColonneSifaObligatoire[] =>
  COLONNES_SIFA_OBLIGATOIRES.filter((c) => ligne[c] === "");
