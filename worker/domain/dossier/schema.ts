/** The dossier apprenant of the ERP API v3 (SPEC §5.1), field by field, in the wire order of the reference. */
import { z } from "zod";
import * as p from "./primitives";

export const CONTRAT_SUFFIXES = ["", "_2", "_3", "_4"] as const;
export type ContratSuffix = (typeof CONTRAT_SUFFIXES)[number];

const contratFields = <S extends ContratSuffix>(suffix: S) => {
  const rang = suffix ? ` n°${suffix.slice(1)}` : "";
  return {
    [`contrat_date_debut${suffix}`]: p.date(`Date de début du contrat${rang}`).optional(),
    [`contrat_date_fin${suffix}`]: p.date(`Date de fin du contrat${rang}`).optional(),
    [`contrat_date_rupture${suffix}`]: p.date(`Date de rupture du contrat${rang}`).optional(),
    [`cause_rupture_contrat${suffix}`]: p.texte(`Cause de la rupture du contrat${rang}`).optional(),
    [`siret_employeur${suffix}`]: p
      .siretFacultatif(`SIRET de l'employeur${rang} (ignoré s'il est mal formé)`)
      .optional(),
  } as unknown as Record<
    | `contrat_date_debut${S}`
    | `contrat_date_fin${S}`
    | `contrat_date_rupture${S}`
    | `cause_rupture_contrat${S}`
    | `siret_employeur${S}`,
    z.ZodOptional<z.ZodType<string | undefined, unknown>>
  >;
};

export const dossierApprenantSchema = z.object({
  // apprenant
  nom_apprenant: p.texteRequis("Nom de l'apprenant (mis en majuscules)", (s) => s.toUpperCase()),
  prenom_apprenant: p.texteRequis("Prénom de l'apprenant"),
  date_de_naissance_apprenant: p.date("Date de naissance de l'apprenant"),
  ine_apprenant: z
    .preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : typeof v === "number" ? String(v) : v),
      z.string({ error: "Texte attendu" }).max(p.TEXTE_MAX, p.MESSAGE_TEXTE_TROP_LONG),
    )
    .describe("Identifiant national élève (INE)")
    .optional(),
  nir_apprenant: z
    .unknown()
    .describe("NIR de l'apprenant : jamais conservé, seule sa présence l'est (has_nir)")
    .optional(),
  email_contact: p.email("Email de l'apprenant").optional(),
  tel_apprenant: p.telephone.optional(),
  adresse_apprenant: p.texte("Adresse de l'apprenant").optional(),
  code_postal_apprenant: p.codePostal("Code postal de résidence de l'apprenant").optional(),
  code_commune_insee_apprenant: p.codeInsee("Code INSEE de la commune de résidence de l'apprenant").optional(),
  code_postal_de_naissance_apprenant: p.codePostalFacultatif("Code postal de naissance de l'apprenant").optional(),
  code_commune_insee_de_naissance_apprenant: p
    .codeInsee("Code INSEE de la commune de naissance de l'apprenant")
    .optional(),
  sexe_apprenant: p.sexe.optional(),
  rqth_apprenant: p.booleen("Reconnaissance de la qualité de travailleur handicapé").optional(),
  date_rqth_apprenant: p.date("Date de la reconnaissance de la qualité de travailleur handicapé").optional(),
  responsable_apprenant_mail1: p.email("Email du premier responsable de l'apprenant").optional(),
  responsable_apprenant_mail2: p.email("Email du second responsable de l'apprenant").optional(),
  derniere_situation: p.derniere_situation.optional(),
  dernier_organisme_uai: p.dernier_organisme_uai.optional(),
  type_cfa: p.type_cfa.optional(),
  // statut déclaré (ancien format)
  statut_apprenant: p.statut_apprenant.optional(),
  date_metier_mise_a_jour_statut: p.date("Date de la dernière mise à jour du statut dans l'ERP").optional(),
  custom_statut_apprenant: p.texte("Statut propre à l'ERP").optional(),
  // année et identifiant
  annee_scolaire: p.annee_scolaire,
  id_erp_apprenant: p.texteRequis("Identifiant de l'apprenant dans l'ERP"),
  // formation
  libelle_court_formation: p.texte("Libellé court de la formation").optional(),
  annee_formation: p.entier(0, 5, "Année de la formation (0 à 5)").optional(),
  formation_rncp: p.rncp.optional(),
  formation_cfd: p.cfd.optional(),
  date_inscription_formation: p.date("Date d'inscription en formation"),
  date_entree_formation: p.date("Date d'entrée en formation"),
  date_fin_formation: p.date("Date de fin de formation (postérieure ou égale à la date d'entrée)"),
  duree_theorique_formation: p.entier(1, 4, "Durée théorique de la formation en années (1 à 4)").optional(),
  duree_theorique_formation_mois: p.entier(1, 48, "Durée théorique de la formation en mois (1 à 48)").optional(),
  obtention_diplome_formation: p.booleen("Diplôme obtenu").optional(),
  date_obtention_diplome_formation: p.date("Date d'obtention du diplôme").optional(),
  date_exclusion_formation: p.date("Date d'exclusion de la formation").optional(),
  cause_exclusion_formation: p.texte("Cause de l'exclusion de la formation").optional(),
  nom_referent_handicap_formation: p.texte("Nom du référent handicap de la formation").optional(),
  prenom_referent_handicap_formation: p.texte("Prénom du référent handicap de la formation").optional(),
  email_referent_handicap_formation: p.email("Email du référent handicap de la formation").optional(),
  formation_presentielle: p.booleen("Formation en présentiel").optional(),
  // organismes
  etablissement_responsable_uai: p.uai("UAI de l'organisme responsable"),
  etablissement_responsable_siret: p.siret("SIRET de l'organisme responsable"),
  etablissement_formateur_uai: p.uai("UAI de l'organisme formateur"),
  etablissement_formateur_siret: p.siret("SIRET de l'organisme formateur"),
  etablissement_lieu_de_formation_uai: p.uai("UAI du lieu de formation").optional(),
  etablissement_lieu_de_formation_siret: p
    .siretFacultatif("SIRET du lieu de formation (ignoré s'il est mal formé)")
    .optional(),
  etablissement_lieu_de_formation_adresse: p.texte("Adresse du lieu de formation").optional(),
  etablissement_lieu_de_formation_code_postal: p.codePostal("Code postal du lieu de formation").optional(),
  // contrats (jusqu'à 4)
  ...contratFields(""),
  ...contratFields("_2"),
  ...contratFields("_3"),
  ...contratFields("_4"),
});

export type DossierApprenantInput = z.input<typeof dossierApprenantSchema>;
type Parsed = z.output<typeof dossierApprenantSchema>;

/** A valid dossier after normalisation: never the NIR, only whether one was sent. */
export type DossierNormalise = Omit<Parsed, "nir_apprenant"> & { has_nir: boolean };

export const DOSSIER_FIELDS = Object.keys(dossierApprenantSchema.shape) as (keyof Parsed)[];

export const CONTRAT_FIELDS = CONTRAT_SUFFIXES.flatMap((s) => [
  `contrat_date_debut${s}`,
  `contrat_date_fin${s}`,
  `contrat_date_rupture${s}`,
  `cause_rupture_contrat${s}`,
  `siret_employeur${s}`,
]) as (keyof DossierNormalise)[];
