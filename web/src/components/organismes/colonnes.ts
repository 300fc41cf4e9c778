/** The columns of the Organismes table, shared by the table and its downloads. */
import type { OrganismePerimetre, TriOrganismes } from "../../../../worker/domain/perimetre-organismes";
import { ETAT_TRANSMISSION_LABELS } from "../../../../worker/domain/perimetre-organismes";
import { DEPARTEMENTS } from "../../../../worker/domain/territoires";
import { formatDateTime, NATURE_LABELS } from "../../format";

export interface Colonne {
  tri: TriOrganismes;
  label: string;
  /** right-aligned, and a number in the XLSX file */
  nombre?: boolean;
  /** the cell as text (or a number), in the files and in the table's plain cells */
  valeur: (o: OrganismePerimetre) => string | number;
}

/** "69 — Rhône"; "Non renseigné" for organismes without a département. */
export const nomDepartement = (code: string | null) =>
  code === null ? "Non renseigné" : DEPARTEMENTS[code] ? `${code} — ${DEPARTEMENTS[code]}` : code;

export const nomOrganisme = (o: OrganismePerimetre) => o.enseigne ?? o.raisonSociale;

export const COLONNES: Colonne[] = [
  { tri: "nom", label: "Organisme", valeur: nomOrganisme },
  { tri: "uai", label: "UAI", valeur: (o) => o.uai ?? "" },
  { tri: "siret", label: "SIRET", valeur: (o) => o.siret },
  { tri: "nature", label: "Nature", valeur: (o) => NATURE_LABELS[o.nature] ?? o.nature },
  { tri: "fiable", label: "Fiabilité", valeur: (o) => (o.fiabilite.fiable ? "Fiable" : "Non fiable") },
  { tri: "departement", label: "Département", valeur: (o) => nomDepartement(o.departement) },
  { tri: "commune", label: "Commune", valeur: (o) => o.commune ?? "" },
  { tri: "etat", label: "Transmission", valeur: (o) => ETAT_TRANSMISSION_LABELS[o.etatTransmission] },
  { tri: "erp", label: "ERP", valeur: (o) => o.erp ?? "" },
  {
    tri: "derniereTransmission",
    label: "Dernière transmission",
    valeur: (o) => formatDateTime(o.derniereTransmission),
  },
  { tri: "apprenants", label: "Apprenants", nombre: true, valeur: (o) => o.indicateurs.apprenants },
  { tri: "apprentis", label: "Apprentis", nombre: true, valeur: (o) => o.indicateurs.apprentis },
  { tri: "inscrits", label: "Jeunes sans contrat", nombre: true, valeur: (o) => o.indicateurs.inscrits },
  { tri: "rupturants", label: "Rupturants", nombre: true, valeur: (o) => o.indicateurs.rupturants },
  { tri: "abandons", label: "Sorties d'apprentissage", nombre: true, valeur: (o) => o.indicateurs.abandons },
  { tri: "invalides", label: "Dossiers invalides", nombre: true, valeur: (o) => o.invalides },
];
