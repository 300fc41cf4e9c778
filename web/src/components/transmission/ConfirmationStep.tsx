import { Show } from "solid-js";
import type { ConnectionInstallation } from "../../../../worker/domain/connection-state";
import type { TransmissionView } from "../../../../worker/domain/transmission-view";
import { dateParis } from "./dates";
import { BoutonAvecConfirmation } from "../ConfirmationModale";
import { DossiersEnAttente } from "../dashboard/DossiersEnAttente";
import { DsfrTable } from "../DsfrTable";

/** Step 4: the ERP used the key; the user confirms (or not) the UAI and SIRET it declared. */
export function ConfirmationStep(props: {
  organisme: TransmissionView["organisme"];
  /** the raison sociale of the couple the ERP declared, when it is not the organisme's */
  organismeDeclare: string | null;
  installation: ConnectionInstallation;
  busy: boolean;
  onConfirm: () => void;
  onRefuse: () => void;
}) {
  const uai = () => props.installation.uai ?? props.organisme.uai;
  const siret = () => props.installation.siret ?? props.organisme.siret;
  const mismatch = () =>
    (props.installation.uai !== null && props.installation.uai !== props.organisme.uai) ||
    (props.installation.siret !== null && props.installation.siret !== props.organisme.siret);

  return (
    <section aria-labelledby="confirmation-titre">
      <h2 id="confirmation-titre" class="fr-h4" tabindex="-1">
        Finalisez l'opération de paramétrage pour transmettre vos effectifs.
      </h2>
      <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
        <p>✓ Vous avez correctement installé la nouvelle clé d'échange sur votre ERP.</p>
      </div>
      <DossiersEnAttente dossiers={props.organisme.dossiersEnAttente} lienParametres={false} />
      <p>Confirmez que l'UAI et le SIRET indiqués ci-dessous correspondent à votre établissement :</p>
      <Show when={mismatch()}>
        <div id="alerte-couple-different" class="fr-alert fr-alert--warning fr-mb-3w">
          <h3 class="fr-alert__title">
            L'UAI et le SIRET déclarés par votre ERP ne sont pas ceux de votre établissement
          </h3>
          <p>
            Votre ERP a déclaré l'UAI {props.installation.uai ?? "(aucun)"} et le SIRET{" "}
            {props.installation.siret ?? "(aucun)"} ; votre établissement a l'UAI {props.organisme.uai ?? "(aucun)"} et
            le SIRET {props.organisme.siret}. Si ce n'est pas votre établissement, ne confirmez pas et vérifiez le
            paramétrage de votre ERP.
          </p>
        </div>
      </Show>
      <DsfrTable
        caption="Établissement déclaré par votre ERP"
        class="fr-table--no-caption fr-mb-2w table-empilee"
        dsfrMarkup
      >
        <thead>
          <tr>
            <th scope="col">Organisme de formation</th>
            <th scope="col">SIRET</th>
            <th scope="col">UAI</th>
            <th scope="col">Interfaçage</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {/* the name of the couple shown, never the user's own next to another's identifiers */}
            <td data-label="Organisme de formation" id="organisme-declare">
              {mismatch()
                ? (props.organismeDeclare ?? "Établissement inconnu du référentiel")
                : props.organisme.raisonSociale}
            </td>
            <td data-label="SIRET" id="siret-declare">
              {siret()}
            </td>
            <td data-label="UAI" id="uai-declare">
              {uai()}
            </td>
            <td data-label="Interfaçage">
              ✓ Transmet MAJ : {dateParis(props.organisme.lastTransmissionAt ?? props.installation.at)}
            </td>
          </tr>
        </tbody>
      </DsfrTable>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
        <li>
          <BoutonAvecConfirmation
            id="bouton-je-ne-confirme-pas"
            class="fr-btn fr-btn--secondary"
            label="Je ne confirme pas"
            disabled={props.busy}
            titre="Vous ne confirmez pas cet établissement ?"
            confirmer="Je ne confirme pas"
            onConfirm={props.onRefuse}
          >
            <p>
              La clé d'échange sera révoquée et la procédure recommencera.
              <Show when={props.organisme.dossiersEnAttente > 0}>
                {" "}
                Les dossiers reçus en attente de votre confirmation seront écartés.
              </Show>
            </p>
          </BoutonAvecConfirmation>
        </li>
        <li>
          <button
            id="bouton-je-confirme"
            type="button"
            class="fr-btn"
            disabled={props.busy}
            onClick={() => props.onConfirm()}
          >
            Je confirme
          </button>
        </li>
      </ul>
      <p class="fr-text--sm">
        Votre clé a été copiée sur votre ERP et elle est reconnue par le tableau de bord – vous devez simplement
        confirmer votre établissement pour finaliser la procédure.
      </p>
    </section>
  );
}
