import type { DownloadFormat } from "../../download";
import { exportListe, getListe } from "../../queries";
import type { Indicateur } from "../../../../worker/domain/indicators";
import { COLONNES_APPRENANT, cellulesApprenant, fichierListe } from "./fichierListe";
import { ListeApprenants } from "./ListeApprenants";

/** "Voir la liste": the learners behind one counter at the date, paged, with the logged downloads. */
export function ListeNominative(props: {
  organismeId: string;
  indicateur: Indicateur;
  date: string;
  onClose: () => void;
}) {
  const base = () => [props.organismeId, props.indicateur, props.date] as const;
  const download = async (format: DownloadFormat) => {
    const liste = await exportListe(...base(), format);
    return fichierListe(
      {
        filename: `${liste.indicateur}-${liste.date}.${format}`,
        indicateur: liste.indicateur,
        colonnes: COLONNES_APPRENANT,
        lignes: liste.rows.map(cellulesApprenant),
      },
      format,
      { widths: [20, 18, 14, 40, 12, 16, 12, 18, 14, 14, 14] },
    );
  };

  // Another counter or date starts again at page 1; opening a list (or another one) moves the focus to it.
  return (
    <ListeApprenants
      indicateur={props.indicateur}
      date={props.date}
      cle={base()}
      lire={(taille, page) => getListe(...base(), taille, page)}
      download={download}
      onClose={props.onClose}
    />
  );
}
