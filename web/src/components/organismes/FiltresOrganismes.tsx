import { For, onCleanup, type JSX } from "solid-js";
import {
  ERP_FILTRE_AUCUN,
  ERP_FILTRE_AUTRE,
  ETAT_TRANSMISSION_LABELS,
  ETATS_TRANSMISSION,
  type CouvertureDepartement,
} from "../../../../worker/domain/perimetre-organismes";
import type { ErpOption } from "../../../../worker/domain/transmission-view";
import { NATURE_LABELS } from "../../format";
import { nomDepartement } from "./colonnes";

export const FILTRES = ["departement", "nature", "etat", "erp", "fiable"] as const;
export type Filtre = (typeof FILTRES)[number];
export type ValeursFiltres = Partial<Record<Filtre | "recherche", string>>;

const SEARCH_DELAY_MS = 300;

/** The search (UAI, SIRET, name; sent once typing pauses) and the five filters of the table. */
export function FiltresOrganismes(props: {
  valeurs: ValeursFiltres;
  departements: CouvertureDepartement[];
  erps: ErpOption[];
  onChange: (filtre: Filtre | "recherche", valeur: string) => void;
  onReset: () => void;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const rechercher = (valeur: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange("recherche", valeur), SEARCH_DELAY_MS);
  };
  const select = (filtre: Filtre, label: string, options: JSX.Element) => (
    <div class="fr-select-group fr-col-12 fr-col-sm-6 fr-col-md-4 fr-col-lg fr-mb-0">
      <label class="fr-label" for={`filtre-${filtre}`}>
        {label}
      </label>
      <select
        class="fr-select"
        id={`filtre-${filtre}`}
        value={props.valeurs[filtre] ?? ""}
        onChange={(e) => props.onChange(filtre, e.currentTarget.value)}
      >
        <option value="">Tous</option>
        {options}
      </select>
    </div>
  );
  return (
    <form
      class="fr-mb-3w"
      role="search"
      aria-label="Filtrer les organismes"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer);
        props.onChange("recherche", (e.currentTarget.elements.namedItem("recherche") as HTMLInputElement).value);
      }}
    >
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-input-group fr-col-12 fr-col-md-8 fr-col-lg-6 fr-mb-0">
          <label class="fr-label" for="recherche-organisme">
            Rechercher un organisme
            <span class="fr-hint-text">UAI, SIRET, raison sociale ou enseigne</span>
          </label>
          <input
            class="fr-input"
            type="search"
            id="recherche-organisme"
            name="recherche"
            maxLength={100}
            value={props.valeurs.recherche ?? ""}
            onInput={(e) => rechercher(e.currentTarget.value)}
          />
        </div>
        {select(
          "departement",
          "Département",
          <For each={props.departements.filter((d) => d.departement !== null)}>
            {(d) => <option value={d.departement ?? ""}>{nomDepartement(d.departement)}</option>}
          </For>,
        )}
        {select(
          "nature",
          "Nature",
          <For each={Object.entries(NATURE_LABELS)}>{([value, label]) => <option value={value}>{label}</option>}</For>,
        )}
        {select(
          "etat",
          "Transmission",
          <For each={ETATS_TRANSMISSION}>
            {(etat) => <option value={etat}>{ETAT_TRANSMISSION_LABELS[etat]}</option>}
          </For>,
        )}
        {select(
          "erp",
          "ERP",
          <>
            <For each={props.erps}>{(erp) => <option value={erp.id}>{erp.label}</option>}</For>
            <option value={ERP_FILTRE_AUTRE}>Autre ERP</option>
            <option value={ERP_FILTRE_AUCUN}>Aucun ERP</option>
          </>,
        )}
        {select(
          "fiable",
          "Fiabilité",
          <>
            <option value="oui">Fiable</option>
            <option value="non">Non fiable</option>
          </>,
        )}
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
