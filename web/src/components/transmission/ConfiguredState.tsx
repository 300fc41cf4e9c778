import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { TransmissionView } from "../../../../worker/domain/transmission-view";
import { dateParis } from "./dates";
import { BoutonAvecConfirmation } from "../ConfirmationModale";

/** The end of the procedure: the key flow confirmed, or a manual (Excel) mode chosen. */
export function ConfiguredState(props: {
  settings: TransmissionView["settings"];
  /** when the key flow was confirmed, and by whom (the hub's record); else the settings' */
  configuredAt: string | null;
  configuredBy: string | null;
  manual: boolean;
  busy: boolean;
  onReset: () => void;
}) {
  return (
    <section aria-labelledby="configure-titre">
      <Show
        when={props.manual}
        fallback={
          <p id="configure-titre" class="fr-text--lead fr-mb-1w">
            <strong>Votre moyen de transmission est paramétré avec {props.settings.erpLabel}.</strong>
          </p>
        }
      >
        <Show
          when={props.settings.erpLabel}
          fallback={
            <p id="configure-titre" class="fr-text--lead fr-mb-1w">
              <strong>Vous transmettez vos effectifs par fichier Excel.</strong>
            </p>
          }
        >
          <p id="configure-titre" class="fr-text--lead fr-mb-1w">
            <strong>Votre établissement utilise {props.settings.erpLabel}.</strong>
          </p>
          <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
            <p>
              Cet ERP n'est pas encore interfacé avec le tableau de bord : transmettez vos effectifs par fichier Excel.
            </p>
          </div>
        </Show>
      </Show>
      <Show when={props.configuredAt}>
        <p id="configure-le">
          (configuré le {dateParis(props.configuredAt)}
          {props.configuredBy ? ` par ${props.configuredBy}` : ""})
        </p>
      </Show>
      <Show when={!props.manual}>
        <div class="fr-callout fr-mb-3w" id="procedure-terminee">
          <p class="fr-callout__text">
            La procédure est terminée : bravo ! Votre ERP est interconnecté avec le tableau de bord et transmet
            automatiquement vos effectifs.
          </p>
        </div>
      </Show>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Show
            when={props.manual}
            fallback={
              <A id="lien-mes-effectifs" class="fr-btn" href="/effectifs">
                Mes effectifs
              </A>
            }
          >
            <A
              id="lien-fichier-excel"
              class="fr-btn fr-icon-file-add-line fr-btn--icon-left"
              href="/effectifs/ajout-fichier"
            >
              Ajouter via fichier Excel
            </A>
          </Show>
        </li>
        <li>
          <BoutonAvecConfirmation
            id="bouton-reinitialiser"
            class="fr-btn fr-btn--secondary"
            label="Réinitialiser ma configuration"
            disabled={props.busy}
            titre="Réinitialiser votre configuration ?"
            confirmer="Réinitialiser ma configuration"
            onConfirm={props.onReset}
          >
            <p>
              {props.manual
                ? "Le choix de votre moyen de transmission sera effacé : vous pourrez recommencer le paramétrage."
                : "La clé d'échange de votre ERP sera révoquée aussitôt : votre ERP ne pourra plus transmettre vos effectifs tant que vous n'aurez pas refait le paramétrage."}{" "}
              Les effectifs déjà transmis sont conservés.
            </p>
          </BoutonAvecConfirmation>
        </li>
      </ul>
    </section>
  );
}
