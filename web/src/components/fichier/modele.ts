/** "Télécharger le modèle": the .xlsx template, built in the browser from the same description as the API. */
import {
  COLONNES_MODELE,
  descriptionDesDonnees,
  ligneExemple,
  typeChamp,
} from "../../../../worker/domain/modele-fichier";
import type { DownloadFile } from "../../download";

export const modeleEffectifs = async (organisme?: { uai: string | null; siret: string }): Promise<DownloadFile> => ({
  filename: "modele-effectifs.xlsx",
  sheets: [
    {
      name: "Modèle",
      header: COLONNES_MODELE,
      rows: [ligneExemple(organisme)],
      widths: COLONNES_MODELE.map((champ) => Math.max(14, champ.length + 2)),
      textColumns: COLONNES_MODELE.flatMap((champ, i) => (typeChamp(champ) === "texte" ? [i] : [])),
      freezeHeader: true,
    },
    {
      name: "Description des données",
      header: ["Champ", "Obligatoire", "Description", "Format", "Exemple"],
      rows: descriptionDesDonnees().map((d) => [d.champ, d.obligatoire, d.description, d.format, d.exemple]),
      widths: [42, 12, 70, 40, 28],
      freezeHeader: true,
    },
  ],
});
