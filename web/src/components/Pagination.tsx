import { Show } from "solid-js";

/** DSFR pagination (previous / "Page n sur N" / next), shown only when there is more than one page. */
export function Pagination(props: { page: number; pages: number; label: string; onPage: (page: number) => void }) {
  return (
    <Show when={props.pages > 1}>
      <nav role="navigation" class="fr-pagination" aria-label={props.label}>
        <ul class="fr-pagination__list">
          <li>
            <button
              type="button"
              class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
              disabled={props.page <= 1}
              onClick={() => props.onPage(props.page - 1)}
            >
              Page précédente
            </button>
          </li>
          <li>
            <span class="fr-pagination__link" aria-current="page">
              Page {props.page} sur {props.pages}
            </span>
          </li>
          <li>
            <button
              type="button"
              class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
              disabled={props.page >= props.pages}
              onClick={() => props.onPage(props.page + 1)}
            >
              Page suivante
            </button>
          </li>
        </ul>
      </nav>
    </Show>
  );
}
