import { For, Show } from "solid-js";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import type { Indicateur } from "../../../../worker/domain/indicators";

/** The "Voir la liste" button of each counter (under the counters), pressed while its list is open. */
export function BoutonsVoirLaListe(props: {
  ouverte: Indicateur | null;
  onChange: (liste: Indicateur | null) => void;
  /** the counters whose list may be opened (all by default) */
  permise?: (key: Indicateur) => boolean;
}) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters liste-actions">
      <For each={INDICATEURS}>
        {(key) => (
          <div class="fr-col-6 fr-col-md">
            <Show when={props.permise?.(key) ?? true}>
              <button
                type="button"
                class="fr-btn fr-btn--tertiary fr-btn--sm"
                data-liste={key}
                aria-pressed={props.ouverte === key}
                onClick={() => props.onChange(props.ouverte === key ? null : key)}
              >
                Voir la liste<span class="fr-sr-only"> : {INDICATEUR_LABELS[key]}</span>
              </button>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}

/** Back to the button that opened a list once it is closed, so that keyboard users do not lose their place. */
export function focusBoutonListe(key: Indicateur) {
  document.querySelector<HTMLButtonElement>(`[data-liste="${key}"]`)?.focus();
}
