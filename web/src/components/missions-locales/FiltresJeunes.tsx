import { For } from "solid-js";
import { ETAT_SUIVI_LABELS, ETATS_SUIVI } from "../../../../worker/domain/missions-locales";
import { filtreSelect, FormulaireFiltres } from "../FormulaireFiltres";

export const FILTRES_JEUNES = ["etat", "commune", "cfa", "rqth", "mineur", "q"] as const;
export type FiltreJeunes = (typeof FILTRES_JEUNES)[number];
export type ValeursFiltresJeunes = Partial<Record<FiltreJeunes, string>>;

/** The worklist's search (sent once typing pauses) and its filters: état, commune, CFA, RQTH, mineurs. */
export function FiltresJeunes(props: {
  valeurs: ValeursFiltresJeunes;
  communes: { code: string; nom: string }[];
  cfas: { id: string; nom: string }[];
  onChange: (filtre: FiltreJeunes, valeur: string) => void;
  onReset: () => void;
}) {
  const select = filtreSelect(props, "fr-col-12 fr-col-sm-6 fr-col-md-4");
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
    <FormulaireFiltres
      label="Filtrer les jeunes"
      searchId="recherche-jeune"
      searchName="q"
      searchLabel="Rechercher un jeune"
      searchHint="Nom, prénom, commune, CFA ou formation"
      searchClass="fr-col-12 fr-col-md-8"
      searchValue={props.valeurs.q ?? ""}
      onSearch={(valeur) => props.onChange("q", valeur)}
      onReset={props.onReset}
    >
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
    </FormulaireFiltres>
  );
}
