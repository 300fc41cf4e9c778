import { onCleanup, type JSX } from "solid-js";

const SEARCH_DELAY_MS = 300;

/**
 * A list's filter form: its search, sent once typing pauses (or at once by Enter), the filters given as
 * children, and the button that resets them.
 */
export function FormulaireFiltres(props: {
  /** the form's accessible name */
  label: string;
  searchId: string;
  /** the search input's name, the one read on submit */
  searchName: string;
  searchLabel: string;
  searchHint: string;
  /** grid classes of the search's input group */
  searchClass: string;
  searchValue: string;
  onSearch: (valeur: string) => void;
  onReset: () => void;
  children: JSX.Element;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const rechercher = (valeur: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => props.onSearch(valeur), SEARCH_DELAY_MS);
  };
  return (
    <form
      class="fr-mb-3w"
      role="search"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer);
        props.onSearch((e.currentTarget.elements.namedItem(props.searchName) as HTMLInputElement).value);
      }}
    >
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class={`fr-input-group ${props.searchClass} fr-mb-0`}>
          <label class="fr-label" for={props.searchId}>
            {props.searchLabel}
            <span class="fr-hint-text">{props.searchHint}</span>
          </label>
          <input
            class="fr-input"
            type="search"
            id={props.searchId}
            name={props.searchName}
            maxLength={100}
            value={props.searchValue}
            onInput={(e) => rechercher(e.currentTarget.value)}
          />
        </div>
        {props.children}
      </div>
      <button
        type="button"
        class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-mt-1w"
        onClick={() => {
          clearTimeout(timer);
          props.onReset();
        }}
      >
        Réinitialiser les filtres
      </button>
    </form>
  );
}

/**
 * The select of each of a list's filters, in the given grid columns: `select(filtre, label, tous, options)`; its
 * first option, "tous", clears the filter.
 */
export function filtreSelect<F extends string>(
  props: { valeurs: Partial<Record<F, string>>; onChange: (filtre: F, valeur: string) => void },
  colonnes: string,
) {
  return (filtre: F, label: string, tous: string, options: JSX.Element) => (
    <div class={`fr-select-group ${colonnes} fr-mb-0`}>
      <label class="fr-label" for={`filtre-${filtre}`}>
        {label}
      </label>
      <select
        class="fr-select"
        id={`filtre-${filtre}`}
        value={props.valeurs[filtre] ?? ""}
        onChange={(e) => props.onChange(filtre, e.currentTarget.value)}
      >
        <option value="">{tous}</option>
        {options}
      </select>
    </div>
  );
}
