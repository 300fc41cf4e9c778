/** The worklist's columns, shared by the table and the downloaded file (the fields SPEC §10 allows). */
import type { JeuneEnRupture } from "../../../../worker/domain/missions-locales";
import { ETAT_SUIVI_LABELS } from "../../../../worker/domain/missions-locales";
import { formatDate } from "../../format";

export interface ColonneJeune {
  label: string;
  valeur: (j: JeuneEnRupture) => string | number;
  nombre?: boolean;
  /** kept as text in the spreadsheet (leading zeros) */
  texte?: boolean;
}

export const COLONNES_JEUNES: ColonneJeune[] = [
  { label: "Nom", valeur: (j) => j.nom },
  { label: "Prénom", valeur: (j) => j.prenom },
  { label: "Âge", valeur: (j) => j.age, nombre: true },
  { label: "Téléphone", valeur: (j) => j.telephone ?? "", texte: true },
  { label: "E-mail", valeur: (j) => j.email ?? "" },
  { label: "Commune", valeur: (j) => j.commune.nom ?? j.commune.code ?? "" },
  { label: "Code commune", valeur: (j) => j.commune.code ?? "", texte: true },
  { label: "Formation", valeur: (j) => j.formation ?? "" },
  { label: "CFA", valeur: (j) => j.cfa.nom },
  { label: "Commune du CFA", valeur: (j) => j.cfa.commune ?? "" },
  { label: "Contact au CFA", valeur: (j) => j.cfa.contact ?? "" },
  { label: "SIRET employeur", valeur: (j) => j.siretEmployeur ?? "", texte: true },
  { label: "Date de rupture", valeur: (j) => formatDate(j.dateRupture) },
  { label: "Jours depuis la rupture", valeur: (j) => j.joursDepuisRupture, nombre: true },
  { label: "RQTH", valeur: (j) => (j.rqth ? "Oui" : "Non") },
  { label: "Mineur", valeur: (j) => (j.mineur ? "Oui" : "Non") },
  { label: "Signalé par le CFA", valeur: (j) => (j.signaleAt ? formatDate(j.signaleAt) : "") },
  { label: "État du suivi", valeur: (j) => ETAT_SUIVI_LABELS[j.etat] },
  { label: "À recontacter le", valeur: (j) => formatDate(j.recontacterLe) },
];
