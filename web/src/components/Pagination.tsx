import { For, Show } from "solid-js";

/** The page numbers shown: the first, the last, and the current one with its neighbours; null is an ellipsis. */
export function numerosDePage(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages);
  shown.sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}

/** DSFR pagination (first, previous, page numbers, next, last), shown only when there is more than one page. */
export function Pagination(props: { page: number; pages: number; label: string; onPage: (page: number) => void }) {
  return (
    <Show when={props.pages > 1}>
      <nav role="navigation" class="fr-pagination fr-mt-2w" aria-label={props.label}>
        <ul class="fr-pagination__list">
          <li>
            <button
              type="button"
              class="fr-pagination__link fr-pagination__link--first"
              disabled={props.page <= 1}
              onClick={() => props.onPage(1)}
            >
              Première page
            </button>
          </li>
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
          <For each={numerosDePage(props.page, props.pages)}>
            {(n) =>
              n === null ? (
                <li>
                  <span class="fr-pagination__link fr-displayed-lg">…</span>
                </li>
              ) : (
                <li>
                  <button
                    type="button"
                    class="fr-pagination__link"
                    aria-current={n === props.page ? "page" : undefined}
                    title={`Page ${n}`}
                    onClick={() => props.onPage(n)}
                  >
                    {n}
                  </button>
                </li>
              )
            }
          </For>
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
          <li>
            <button
              type="button"
              class="fr-pagination__link fr-pagination__link--last"
              disabled={props.page >= props.pages}
              onClick={() => props.onPage(props.pages)}
            >
              Dernière page
            </button>
          </li>
        </ul>
      </nav>
    </Show>
  );
}
