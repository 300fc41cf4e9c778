/**
 * The French name of each field of a dossier, for the people who read its errors (Mes effectifs' tooltips, the
 * dossier's detail): the API's field names stay for the ERPs and the files.
 */
const LIBELLES: Record<string, string> = {
  nom_apprenant: "Nom",
  prenom_apprenant: "Prénom",
  sexe_apprenant: "Sexe",
  date_de_naissance_apprenant: "Date de naissance",
  code_postal_de_naissance_apprenant: "Code postal de naissance",
  code_commune_insee_de_naissance_apprenant: "Commune de naissance (INSEE)",
  adresse_apprenant: "Adresse",
  code_postal_apprenant: "Code postal",
  code_commune_insee_apprenant: "Commune (INSEE)",
  email_contact: "E-mail",
  tel_apprenant: "Téléphone",
  ine_apprenant: "INE",
  nir_apprenant: "NIR",
  id_erp_apprenant: "Identifiant dans l'ERP",
  rqth_apprenant: "RQTH",
  date_rqth_apprenant: "Date de la RQTH",
  statut_apprenant: "Statut",
  custom_statut_apprenant: "Statut propre à l'ERP",
  date_metier_mise_a_jour_statut: "Date du changement de statut",
  derniere_situation: "Dernière situation",
  dernier_organisme_uai: "UAI du dernier organisme",
  annee_scolaire: "Année scolaire",
  annee_formation: "Année de formation",
  libelle_court_formation: "Formation",
  formation_cfd: "Code diplôme (CFD)",
  formation_rncp: "Code RNCP",
  formation_presentielle: "Formation en présentiel",
  duree_theorique_formation: "Durée théorique (années)",
  duree_theorique_formation_mois: "Durée théorique (mois)",
  date_inscription_formation: "Date d'inscription",
  date_entree_formation: "Date d'entrée en formation",
  date_fin_formation: "Date de fin de formation",
  date_exclusion_formation: "Date d'exclusion",
  cause_exclusion_formation: "Cause de l'exclusion",
  obtention_diplome_formation: "Diplôme obtenu",
  date_obtention_diplome_formation: "Date d'obtention du diplôme",
  type_cfa: "Type de CFA",
  etablissement_responsable_uai: "UAI du responsable",
  etablissement_responsable_siret: "SIRET du responsable",
  etablissement_formateur_uai: "UAI du formateur",
  etablissement_formateur_siret: "SIRET du formateur",
  etablissement_lieu_de_formation_uai: "UAI du lieu de formation",
  etablissement_lieu_de_formation_siret: "SIRET du lieu de formation",
  etablissement_lieu_de_formation_adresse: "Adresse du lieu de formation",
  etablissement_lieu_de_formation_code_postal: "Code postal du lieu de formation",
  email_referent_handicap_formation: "E-mail du référent handicap",
  nom_referent_handicap_formation: "Nom du référent handicap",
  prenom_referent_handicap_formation: "Prénom du référent handicap",
};

const CONTRAT: Record<string, string> = {
  contrat_date_debut: "Début du contrat",
  contrat_date_fin: "Fin du contrat",
  contrat_date_rupture: "Rupture du contrat",
  cause_rupture_contrat: "Cause de la rupture",
  siret_employeur: "SIRET de l'employeur",
};

/** "date_de_naissance_apprenant" → "Date de naissance"; "contrat_date_fin_2" → "Fin du contrat 2"; else as is. */
export function libelleChamp(path: string): string {
  if (path === "") return "Dossier";
  if (LIBELLES[path]) return LIBELLES[path];
  const contrat = /^(.*?)(?:_([234]))?$/.exec(path);
  const base = contrat && CONTRAT[contrat[1]];
  return base ? (contrat[2] ? `${base} ${contrat[2]}` : base) : path;
}
