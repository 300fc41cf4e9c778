/** "Télécharger la liste" of Jeunes en rupture: every learner retained by the filters, as a CSV or an XLSX. */
import { ONGLET_LABELS, type JeunesEnRuptureExport } from "../../../../worker/domain/missions-locales";
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import type { DownloadFile, DownloadFormat } from "../../download";
import { COLONNES_JEUNES } from "./colonnes";

export function fichierJeunes(liste: JeunesEnRuptureExport, format: DownloadFormat): DownloadFile {
  const filename = `jeunes-${liste.onglet.replace("_", "-")}-${new Date().toISOString().slice(0, 10)}.${format}`;
  const header = COLONNES_JEUNES.map((c) => c.label);
  if (format === "csv")
    return {
      filename,
      csv: toCsv(
        header,
        liste.jeunes.map((j) => COLONNES_JEUNES.map((c) => String(c.valeur(j)))),
      ),
    };
  return {
    filename,
    sheets: [
      {
        name: ONGLET_LABELS[liste.onglet],
        header,
        rows: liste.jeunes.map((j) => COLONNES_JEUNES.map((c) => c.valeur(j))),
        widths: COLONNES_JEUNES.map((c) => (c.nombre ? 10 : 22)),
        textColumns: COLONNES_JEUNES.flatMap((c, i) => (c.texte ? [i] : [])),
        freezeHeader: true,
      },
    ],
  };
}
