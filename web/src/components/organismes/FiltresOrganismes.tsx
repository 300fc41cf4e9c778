import { For } from "solid-js";
import {
  ERP_FILTRE_AUCUN,
  ERP_FILTRE_AUTRE,
  ETAT_TRANSMISSION_LABELS,
  ETATS_TRANSMISSION,
  type CouvertureDepartement,
} from "../../../../worker/domain/perimetre-organismes";
import type { ErpOption } from "../../../../worker/domain/transmission-view";
import { NATURE_LABELS } from "../../format";
import { filtreSelect, FormulaireFiltres } from "../FormulaireFiltres";
import { nomDepartement } from "./colonnes";

export const FILTRES = ["departement", "nature", "etat", "erp", "fiable"] as const;
export type Filtre = (typeof FILTRES)[number];
export type ValeursFiltres = Partial<Record<Filtre | "recherche", string>>;

/** The search (UAI, SIRET, name; sent once typing pauses) and the five filters of the table. */
export function FiltresOrganismes(props: {
  valeurs: ValeursFiltres;
  departements: CouvertureDepartement[];
  erps: ErpOption[];
  onChange: (filtre: Filtre | "recherche", valeur: string) => void;
  onReset: () => void;
}) {
  const select = filtreSelect(props, "fr-col-12 fr-col-sm-6 fr-col-md-4 fr-col-lg");
  return (
    <FormulaireFiltres
      label="Filtrer les organismes"
      searchId="recherche-organisme"
      searchName="recherche"
      searchLabel="Rechercher un organisme"
      searchHint="UAI, SIRET, raison sociale ou enseigne"
      searchClass="fr-col-12 fr-col-md-8 fr-col-lg-6"
      searchValue={props.valeurs.recherche ?? ""}
      onSearch={(valeur) => props.onChange("recherche", valeur)}
      onReset={props.onReset}
    >
      {select(
        "departement",
        "Département",
        "Tous",
        <For each={props.departements.filter((d) => d.departement !== null)}>
          {(d) => <option value={d.departement ?? ""}>{nomDepartement(d.departement)}</option>}
        </For>,
      )}
      {select(
        "nature",
        "Nature",
        "Tous",
        <For each={Object.entries(NATURE_LABELS)}>{([value, label]) => <option value={value}>{label}</option>}</For>,
      )}
      {select(
        "etat",
        "Transmission",
        "Tous",
        <For each={ETATS_TRANSMISSION}>{(etat) => <option value={etat}>{ETAT_TRANSMISSION_LABELS[etat]}</option>}</For>,
      )}
      {select(
        "erp",
        "ERP",
        "Tous",
        <>
          <For each={props.erps}>{(erp) => <option value={erp.id}>{erp.label}</option>}</For>
          <option value={ERP_FILTRE_AUTRE}>Autre ERP</option>
          <option value={ERP_FILTRE_AUCUN}>Aucun ERP</option>
        </>,
      )}
      {select(
        "fiable",
        "Fiabilité",
        "Tous",
        <>
          <option value="oui">Fiable</option>
          <option value="non">Non fiable</option>
        </>,
      )}
    </FormulaireFiltres>
  );
}
