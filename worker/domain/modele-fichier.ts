/**
 * The Excel template of "Ajouter via fichier Excel" (SPEC §7): its columns and the "Description des données" sheet,
 * generated from the zod schema of the ERP API so that the file and the API never drift apart.
 */
import { z } from "zod";
import { CONTRAT_SUFFIXES, DOSSIER_FIELDS, dossierApprenantSchema } from "./dossier";

export type TypeChamp = "texte" | "date" | "booleen" | "entier";

interface Format {
  type: TypeChamp;
  format: string;
  exemple: string;
}

const FORMAT_DATE = "AAAA-MM-JJ ou JJ/MM/AAAA";
const FORMAT_BOOLEEN = "VRAI/FAUX ou OUI/NON";
const texte = (format: string, exemple: string): Format => ({ type: "texte", format, exemple });
const date = (exemple: string): Format => ({ type: "date", format: FORMAT_DATE, exemple });
const booleen = (exemple: string): Format => ({ type: "booleen", format: FORMAT_BOOLEEN, exemple });
const entier = (format: string, exemple: string): Format => ({ type: "entier", format, exemple });

const UAI = "7 chiffres et 1 lettre";
const SIRET = "14 chiffres";

const FORMATS: Record<string, Format> = {
  nom_apprenant: texte("Texte", "MARTIN"),
  prenom_apprenant: texte("Texte", "Léa"),
  date_de_naissance_apprenant: date("14/03/2005"),
  ine_apprenant: texte("11 caractères", "1234567890A"),
  email_contact: texte("Adresse e-mail", "lea.martin@example.fr"),
  tel_apprenant: texte("0XXXXXXXXX ou +XXXXXXXX", "0612345678"),
  adresse_apprenant: texte("Texte", "12 rue des Lilas"),
  code_postal_apprenant: texte("5 chiffres", "75011"),
  code_commune_insee_apprenant: texte("5 caractères (2A/2B pour la Corse)", "75111"),
  code_postal_de_naissance_apprenant: texte("5 chiffres", "69003"),
  code_commune_insee_de_naissance_apprenant: texte("5 caractères (2A/2B pour la Corse)", "69383"),
  sexe_apprenant: texte("M (ou H, 1) ou F (ou 2)", "F"),
  rqth_apprenant: booleen("NON"),
  date_rqth_apprenant: date(""),
  responsable_apprenant_mail1: texte("Adresse e-mail", "parent.martin@example.fr"),
  responsable_apprenant_mail2: texte("Adresse e-mail", ""),
  derniere_situation: texte("Code SIFA (4 chiffres)", "1003"),
  dernier_organisme_uai: texte(`${UAI}, ou code de département`, "75"),
  type_cfa: texte("01 à 10", "01"),
  statut_apprenant: texte("0, 2 ou 3", ""),
  date_metier_mise_a_jour_statut: date(""),
  custom_statut_apprenant: texte("Texte", ""),
  annee_scolaire: texte("AAAA-AAAA", "2023-2024"),
  id_erp_apprenant: texte("Texte ; calculé à partir du nom, du prénom et de la date de naissance si vide", "A1"),
  libelle_court_formation: texte("Texte", "CAP PATISSIER"),
  annee_formation: entier("Nombre entier de 0 à 5", "1"),
  formation_rncp: texte("RNCP suivi de 2 à 5 chiffres", "RNCP35316"),
  formation_cfd: texte("8 caractères", "50022137"),
  date_inscription_formation: date("01/09/2023"),
  date_entree_formation: date("01/09/2023"),
  date_fin_formation: date("30/06/2025"),
  duree_theorique_formation: entier("Nombre entier de 1 à 4", "2"),
  duree_theorique_formation_mois: entier("Nombre entier de 1 à 48", "24"),
  obtention_diplome_formation: booleen(""),
  date_obtention_diplome_formation: date(""),
  date_exclusion_formation: date(""),
  cause_exclusion_formation: texte("Texte", ""),
  nom_referent_handicap_formation: texte("Texte", "DUPONT"),
  prenom_referent_handicap_formation: texte("Texte", "Marc"),
  email_referent_handicap_formation: texte("Adresse e-mail", "referent.handicap@example.fr"),
  formation_presentielle: booleen("OUI"),
  etablissement_responsable_uai: texte(UAI, "0751234A"),
  etablissement_responsable_siret: texte(SIRET, "12345678900011"),
  etablissement_formateur_uai: texte(UAI, "0751234A"),
  etablissement_formateur_siret: texte(SIRET, "12345678900011"),
  etablissement_lieu_de_formation_uai: texte(UAI, ""),
  etablissement_lieu_de_formation_siret: texte(SIRET, ""),
  etablissement_lieu_de_formation_adresse: texte("Texte", ""),
  etablissement_lieu_de_formation_code_postal: texte("5 chiffres", ""),
  ...Object.fromEntries(
    CONTRAT_SUFFIXES.flatMap((s) => [
      [`contrat_date_debut${s}`, date(s ? "" : "15/09/2023")],
      [`contrat_date_fin${s}`, date(s ? "" : "30/06/2025")],
      [`contrat_date_rupture${s}`, date("")],
      [`cause_rupture_contrat${s}`, texte("Texte", "")],
      [`siret_employeur${s}`, texte(SIRET, s ? "" : "98765432100017")],
    ]),
  ),
};

/** The NIR is never stored (SPEC §5): the template does not invite anyone to put it in a spreadsheet. */
export const COLONNES_MODELE = DOSSIER_FIELDS.filter((f) => f !== "nir_apprenant") as string[];

/** In a file the identifier may be left empty: it is then derived from the learner (SPEC §7). */
const CALCULES = new Set(["id_erp_apprenant"]);

export const typeChamp = (champ: string): TypeChamp => FORMATS[champ]?.type ?? "texte";

export interface DescriptionChamp {
  champ: string;
  obligatoire: "Oui" | "Non";
  description: string;
  format: string;
  exemple: string;
}

const SHAPE = dossierApprenantSchema.shape as Record<string, z.ZodType>;

function descriptionOf(champ: string): string {
  const schema = SHAPE[champ];
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  // The date format is the "format" column's job; the API's wording only knows ISO dates.
  return (inner.description ?? "").replace(/ \(format ISO-8601, AAAA-MM-JJ\)$/, "");
}

/** The rows of the "Description des données" sheet, in the column order of the "Modèle" sheet. */
export function descriptionDesDonnees(): DescriptionChamp[] {
  return COLONNES_MODELE.map((champ) => ({
    champ,
    obligatoire: !SHAPE[champ].isOptional() && !CALCULES.has(champ) ? "Oui" : "Non",
    description: descriptionOf(champ),
    format: FORMATS[champ]?.format ?? "Texte",
    exemple: FORMATS[champ]?.exemple ?? "",
  }));
}

const IDENTIFIANTS_ORGANISME: Record<string, "uai" | "siret"> = {
  etablissement_responsable_uai: "uai",
  etablissement_responsable_siret: "siret",
  etablissement_formateur_uai: "uai",
  etablissement_formateur_siret: "siret",
};

/**
 * The example row of the "Modèle" sheet, one value per column; with the organisme that downloads it, its own UAI
 * and SIRET (another organisme's would make the example row fail as it is).
 */
export const ligneExemple = (organisme?: { uai: string | null; siret: string }): string[] =>
  COLONNES_MODELE.map((champ) => {
    const identifiant = IDENTIFIANTS_ORGANISME[champ];
    const propre = organisme && identifiant ? organisme[identifiant] : null;
    return propre ?? FORMATS[champ]?.exemple ?? "";
  });
