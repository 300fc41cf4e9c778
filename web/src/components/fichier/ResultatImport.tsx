import { A } from "@solidjs/router";
import type { TransmissionSummary } from "../../../../worker/domain/live-messages";

const pluriel = (n: number, singulier: string, plurielForme: string) => `${n} ${n > 1 ? plurielForme : singulier}`;

/** What the import did, in the words of the transmission report, with the way to "Mes effectifs". */
export function ResultatImport(props: { summary: TransmissionSummary }) {
  return (
    <div class="fr-alert fr-alert--success fr-mb-3w" id="resultat-import" role="status">
      <h2 class="fr-alert__title">Le fichier a été importé</h2>
      <ul>
        <li>{pluriel(props.summary.created, "dossier créé", "dossiers créés")}</li>
        <li>{pluriel(props.summary.updated, "dossier mis à jour", "dossiers mis à jour")}</li>
        <li>{pluriel(props.summary.unchanged, "dossier inchangé", "dossiers inchangés")}</li>
        <li>{pluriel(props.summary.invalid, "ligne invalide, non importée", "lignes invalides, non importées")}</li>
      </ul>
      <p class="fr-mt-2w">
        <A class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/effectifs">
          Mes effectifs
        </A>
      </p>
    </div>
  );
}
