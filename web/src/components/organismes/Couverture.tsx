import { For, Show } from "solid-js";
import type { Couverture as CouvertureData } from "../../../../worker/domain/perimetre-organismes";
import { nomDepartement } from "./colonnes";

const taux = (transmettent: number, organismes: number) => Math.round((100 * transmettent) / organismes);

/**
 * The taux de couverture: the organismes of the référentiel that transmit over those of the référentiel, for the
 * perimeter and per département, each bar written out in text beside it (the bars themselves are hidden from
 * screen readers).
 */
export function Couverture(props: { couverture: CouvertureData }) {
  const departements = () => props.couverture.departements.filter((d) => d.organismes > 0);
  return (
    <section aria-labelledby="couverture-titre" class="fr-mb-4w" id="couverture">
      <h2 id="couverture-titre" class="fr-h4">
        Taux de couverture
      </h2>
      <Show
        when={props.couverture.organismes > 0}
        fallback={<p>Aucun organisme du référentiel dans votre périmètre.</p>}
      >
        <p class="fr-mb-1w">
          <span class="counter" id="taux-couverture">
            {taux(props.couverture.transmettent, props.couverture.organismes)} %
          </span>{" "}
          des organismes du référentiel transmettent leurs effectifs ({props.couverture.transmettent} sur{" "}
          {props.couverture.organismes}).
        </p>
        <Show when={departements().length > 1}>
          <h3 class="fr-h6 fr-mt-2w fr-mb-1w">Par département</h3>
          <ul class="couverture-departements">
            <For each={departements()}>
              {(d) => (
                <li data-departement={d.departement ?? ""}>
                  <span>{nomDepartement(d.departement)}</span>
                  <span class="couverture-barre" aria-hidden="true">
                    <span style={{ width: `${taux(d.transmettent, d.organismes)}%` }} />
                  </span>
                  <span class="fr-text--sm fr-mb-0">
                    <span class="fr-sr-only"> : </span>
                    {taux(d.transmettent, d.organismes)} % ({d.transmettent} sur {d.organismes})
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
