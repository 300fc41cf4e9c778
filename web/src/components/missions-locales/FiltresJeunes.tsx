import { For, onCleanup, type JSX } from "solid-js";
import { ETAT_SUIVI_LABELS, ETATS_SUIVI } from "../../../../worker/domain/missions-locales";

export const FILTRES_JEUNES = ["etat", "commune", "cfa", "rqth", "mineur", "q"] as const;
export type FiltreJeunes = (typeof FILTRES_JEUNES)[number];
export type ValeursFiltresJeunes = Partial<Record<FiltreJeunes, string>>;

const SEARCH_DELAY_MS = 300;

/** The worklist's search (sent once typing pauses) and its filters: état, commune, CFA, RQTH, mineurs. */
export function FiltresJeunes(props: {
  valeurs: ValeursFiltresJeunes;
  communes: { code: string; nom: string }[];
  cfas: { id: string; nom: string }[];
  onChange: (filtre: FiltreJeunes, valeur: string) => void;
  onReset: () => void;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const rechercher = (valeur: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange("q", valeur), SEARCH_DELAY_MS);
  };
  const select = (filtre: "etat" | "commune" | "cfa", label: string, tous: string, options: JSX.Element) => (
    <div class="fr-select-group fr-col-12 fr-col-sm-6 fr-col-md-4 fr-mb-0">
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
  const caseACocher = (filtre: "rqth" | "mineur", label: string) => (
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-checkbox-group">
        <input
          type="checkbox"
          id={`filtre-${filtre}`}
          checked={props.valeurs[filtre] === "1"}
          onChange={(e) => props.onChange(filtre, e.currentTarget.checked ? "1" : "")}
        />
        <label class="fr-label" for={`filtre-${filtre}`}>
          {label}
        </label>
      </div>
    </div>
  );
  return (
    <form
      class="fr-mb-3w"
      role="search"
      aria-label="Filtrer les jeunes"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer);
        props.onChange("q", (e.currentTarget.elements.namedItem("q") as HTMLInputElement).value);
      }}
    >
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-input-group fr-col-12 fr-col-md-8 fr-mb-0">
          <label class="fr-label" for="recherche-jeune">
            Rechercher un jeune
            <span class="fr-hint-text">Nom, prénom, commune, CFA ou formation</span>
          </label>
          <input
            class="fr-input"
            type="search"
            id="recherche-jeune"
            name="q"
            maxLength={100}
            value={props.valeurs.q ?? ""}
            onInput={(e) => rechercher(e.currentTarget.value)}
          />
        </div>
        {select(
          "etat",
          "État du suivi",
          "Tous les états",
          <For each={ETATS_SUIVI}>{(etat) => <option value={etat}>{ETAT_SUIVI_LABELS[etat]}</option>}</For>,
        )}
        {select(
          "commune",
          "Commune",
          "Toutes les communes",
          <For each={props.communes}>{(c) => <option value={c.code}>{c.nom}</option>}</For>,
        )}
        {select(
          "cfa",
          "CFA",
          "Tous les CFA",
          <For each={props.cfas}>{(c) => <option value={c.id}>{c.nom}</option>}</For>,
        )}
        <fieldset class="fr-fieldset fr-col-12 fr-col-md-4 fr-mb-0" id="filtres-situation">
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular">Situation</legend>
          {caseACocher("rqth", "RQTH")}
          {caseACocher("mineur", "Mineurs")}
        </fieldset>
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
