import type { DownloadFormat } from "../../download";
import { exportListePerimetre, getListePerimetre, type FiltresPerimetre } from "../../queries-indicateurs-perimetre";
import type { Indicateur } from "../../../../worker/domain/indicators";
import { COLONNES_APPRENANT, cellulesApprenant, fichierListe } from "./fichierListe";
import { ListeApprenants } from "./ListeApprenants";

/** "Voir la liste" on a perimeter: the learners behind one counter at the date, with their organisme, paged. */
export function ListeNominativePerimetre(props: {
  filtres: FiltresPerimetre;
  indicateur: Indicateur;
  date: string;
  onClose: () => void;
}) {
  const base = () => [props.filtres, props.indicateur, props.date] as const;
  // The file: an organisme's columns first, and which organisme trains whom.
  const download = async (format: DownloadFormat) => {
    const liste = await exportListePerimetre(...base(), format);
    return fichierListe(
      {
        filename: `${liste.indicateur}-perimetre-${liste.date}.${format}`,
        indicateur: liste.indicateur,
        colonnes: ["Organisme", "UAI", ...COLONNES_APPRENANT],
        lignes: liste.rows.map((r) => [r.organisme, r.uai ?? "", ...cellulesApprenant(r)]),
      },
      format,
      { widths: [36, 10, 20, 18, 14, 40, 12, 16, 12, 18, 14, 14, 14], textColumns: [1, 6, 9], freezeHeader: true },
    );
  };

  // Another counter, date or territory starts again at page 1; opening a list moves the focus to it.
  return (
    <ListeApprenants
      indicateur={props.indicateur}
      date={props.date}
      cle={base()}
      lire={(taille, page) => getListePerimetre(...base(), taille, page)}
      download={download}
      onClose={props.onClose}
      avertissement={
        <p class="fr-text--sm">Chaque consultation et chaque téléchargement de cette liste est enregistré.</p>
      }
      organisme={(row) => (
        <>
          {row.organisme}
          {row.uai ? ` (${row.uai})` : ""}
        </>
      )}
    />
  );
}
