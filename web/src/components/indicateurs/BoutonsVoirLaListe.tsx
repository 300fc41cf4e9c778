import { Show } from "solid-js";
import { INDICATEUR_LABELS } from "./types";
import type { Indicateur } from "../../../../worker/domain/indicators";

/** The "Voir la liste" button of a counter (under its tile), pressed while its list is open. */
export function BoutonVoirLaListe(props: {
  indicateur: Indicateur;
  ouverte: Indicateur | null;
  onChange: (liste: Indicateur | null) => void;
  /** false: this counter's list may not be opened */
  permise?: boolean;
}) {
  return (
    <Show when={props.permise ?? true}>
      <button
        type="button"
        class="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w"
        data-liste={props.indicateur}
        aria-pressed={props.ouverte === props.indicateur}
        onClick={() => props.onChange(props.ouverte === props.indicateur ? null : props.indicateur)}
      >
        Voir la liste<span class="fr-sr-only"> : {INDICATEUR_LABELS[props.indicateur]}</span>
      </button>
    </Show>
  );
}

/** Back to the button that opened a list once it is closed, so that keyboard users do not lose their place. */
export function focusBoutonListe(key: Indicateur) {
  document.querySelector<HTMLButtonElement>(`[data-liste="${key}"]`)?.focus();
}
