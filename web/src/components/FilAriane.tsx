import { A } from "@solidjs/router";
import { createSignal, createUniqueId, For } from "solid-js";

export interface Etape {
  label: string;
  href: string;
}

/** DSFR breadcrumb: the pages above this one, then this one; folded behind its button on a phone. */
export function FilAriane(props: { parents: Etape[]; page: string }) {
  const [ouvert, setOuvert] = createSignal(false);
  const id = `fil-ariane-${createUniqueId()}`;
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button
        type="button"
        class="fr-breadcrumb__button"
        aria-expanded={ouvert()}
        aria-controls={id}
        onClick={() => setOuvert(!ouvert())}
      >
        Voir le fil d'Ariane
      </button>
      <div class={`fr-collapse${ouvert() ? " fr-collapse--expanded" : ""}`} id={id}>
        <ol class="fr-breadcrumb__list">
          <For each={props.parents}>
            {(etape) => (
              <li>
                <A class="fr-breadcrumb__link" href={etape.href}>
                  {etape.label}
                </A>
              </li>
            )}
          </For>
          <li>
            <a class="fr-breadcrumb__link" aria-current="page">
              {props.page}
            </a>
          </li>
        </ol>
      </div>
    </nav>
  );
}

export const ACCUEIL: Etape = { label: "Accueil", href: "/" };
export const TABLEAU_DE_BORD: Etape = { label: "Mon tableau de bord", href: "/tableau-de-bord" };
