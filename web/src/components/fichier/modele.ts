/** "Télécharger le modèle": the .xlsx template, built in the browser from the same description as the API. */
import {
  COLONNES_MODELE,
  descriptionDesDonnees,
  ligneExemple,
  typeChamp,
} from "../../../../worker/domain/modele-fichier";
import { save } from "./save";

export async function telechargerModele() {
  // Loaded on demand: the spreadsheet library is large and only needed here.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();

  const modele = workbook.addWorksheet("Modèle");
  modele.addRow(COLONNES_MODELE).font = { bold: true };
  modele.addRow(ligneExemple());
  COLONNES_MODELE.forEach((champ, i) => {
    const column = modele.getColumn(i + 1);
    column.width = Math.max(14, champ.length + 2);
    // Text cells keep the leading zeros of UAI, codes postaux and SIRET typed in later.
    if (typeChamp(champ) === "texte") column.numFmt = "@";
  });
  modele.views = [{ state: "frozen", ySplit: 1 }];

  const description = workbook.addWorksheet("Description des données");
  description.addRow(["Champ", "Obligatoire", "Description", "Format", "Exemple"]).font = { bold: true };
  for (const d of descriptionDesDonnees())
    description.addRow([d.champ, d.obligatoire, d.description, d.format, d.exemple]);
  description.columns.forEach((column, i) => (column.width = [42, 12, 70, 40, 28][i]));
  description.views = [{ state: "frozen", ySplit: 1 }];

  const buffer = await workbook.xlsx.writeBuffer();
  save(
    new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    "modele-effectifs.xlsx",
  );
}
