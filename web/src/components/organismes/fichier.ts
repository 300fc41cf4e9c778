/** "Télécharger la liste" of the Organismes page: every organisme retained, as a CSV or an XLSX. */
import type { OrganismePerimetre } from "../../../../worker/domain/perimetre-organismes";
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import type { DownloadFile, DownloadFormat } from "../../download";
import { COLONNES } from "./colonnes";

/** The table's columns, the organisme's two names apart and the reason of its fiabilité after it. */
const COLONNES_FICHIER = [
  { label: "Raison sociale", valeur: (o: OrganismePerimetre) => o.raisonSociale },
  { label: "Enseigne", valeur: (o: OrganismePerimetre) => o.enseigne ?? "" },
  ...COLONNES.slice(1).flatMap((colonne) =>
    colonne.tri === "fiable"
      ? [colonne, { label: "Raison de la fiabilité", valeur: (o: OrganismePerimetre) => o.fiabilite.raison }]
      : [colonne],
  ),
];

export function fichierOrganismes(rows: OrganismePerimetre[], format: DownloadFormat): DownloadFile {
  const filename = `organismes-${new Date().toISOString().slice(0, 10)}.${format}`;
  const header = COLONNES_FICHIER.map((c) => c.label);
  if (format === "csv") {
    return {
      filename,
      csv: toCsv(
        header,
        rows.map((o) => COLONNES_FICHIER.map((c) => String(c.valeur(o)))),
      ),
    };
  }
  return {
    filename,
    sheets: [
      {
        name: "Organismes",
        header,
        rows: rows.map((o) => COLONNES_FICHIER.map((c) => c.valeur(o))),
        widths: COLONNES_FICHIER.map((c) => ("nombre" in c && c.nombre ? 12 : 24)),
        // UAI and SIRET keep their leading zeros
        textColumns: [header.indexOf("UAI"), header.indexOf("SIRET")],
        freezeHeader: true,
      },
    ],
  };
}
