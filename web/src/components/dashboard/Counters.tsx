import { For, type JSX } from "solid-js";
import type { Indicateur, Indicateurs } from "../../../../worker/domain/indicators";

const COUNTERS: { key: keyof Indicateurs; label: string }[] = [
  { key: "apprenants", label: "apprenants" },
  { key: "apprentis", label: "dont apprentis" },
  { key: "rupturants", label: "dont rupturants" },
  { key: "inscrits", label: "dont jeunes sans contrat" },
  { key: "abandons", label: "sorties d'apprentissage" },
];

/**
 * The five counters of "Aperçu de vos effectifs"; `pied` puts something under each tile (its "Voir la liste"), in
 * the tile's column so that it stays beside its counter on a phone.
 */
export function Counters(props: { indicateurs: Indicateurs; pied?: (key: Indicateur) => JSX.Element }) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters" id="compteurs">
      <For each={COUNTERS}>
        {(counter) => (
          <div class="fr-col-6 fr-col-md">
            <div class="fr-tile fr-tile--sm" data-compteur={counter.key}>
              <div class="fr-tile__body">
                <p class="counter fr-mb-0">{props.indicateurs[counter.key]}</p>
                <p class="fr-tile__desc">{counter.label}</p>
              </div>
            </div>
            {props.pied?.(counter.key)}
          </div>
        )}
      </For>
    </div>
  );
}
