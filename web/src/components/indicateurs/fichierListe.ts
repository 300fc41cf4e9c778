import type { DownloadFile, DownloadFormat, Sheet } from "../../download";
import { formatDate } from "../../format";
import { statutLabel } from "../../../../worker/domain/labels";
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import { INDICATEUR_LABELS } from "./types";
import type { ApprenantListe } from "../../../../worker/domain/indicateurs-organisme";
import type { Indicateur } from "../../../../worker/domain/indicators";

/** The columns of a learner in a nominative list's file. */
export const COLONNES_APPRENANT = [
  "Nom",
  "Prénom",
  "Date de naissance",
  "Formation",
  "CFD",
  "Statut",
  "Depuis le",
  "Employeur (SIRET)",
  "Début du contrat",
  "Fin du contrat",
  "Rupture du contrat",
];

/** A learner's cells under COLONNES_APPRENANT. */
export function cellulesApprenant(r: ApprenantListe): string[] {
  return [
    r.nom,
    r.prenom,
    formatDate(r.dateDeNaissance),
    r.formation ?? "",
    r.cfd ?? "",
    statutLabel(r.statut),
    formatDate(r.depuis),
    r.contrat?.siretEmployeur ?? "",
    formatDate(r.contrat?.dateDebut),
    formatDate(r.contrat?.dateFin),
    formatDate(r.contrat?.dateRupture),
  ];
}

/** "Télécharger (CSV)" / "(XLSX)" of a nominative list: a CSV, or one sheet named after the indicateur. */
export function fichierListe(
  fichier: { filename: string; indicateur: Indicateur; colonnes: string[]; lignes: string[][] },
  format: DownloadFormat,
  feuille: Pick<Sheet, "widths" | "textColumns" | "freezeHeader">,
): DownloadFile {
  const { filename, colonnes, lignes } = fichier;
  return format === "csv"
    ? { filename, csv: toCsv(colonnes, lignes) }
    : {
        filename,
        sheets: [
          {
            name: INDICATEUR_LABELS[fichier.indicateur].replace(/'/g, " ").slice(0, 31),
            header: colonnes,
            rows: lignes,
            ...feuille,
          },
        ],
      };
}
