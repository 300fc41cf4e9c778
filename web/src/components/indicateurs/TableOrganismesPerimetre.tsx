import { For } from "solid-js";
import { formatDate } from "../../format";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import type { OrganismesPerimetre } from "../../../../worker/domain/indicateurs-territoire";

/** One page of a perimeter's organismes, each with its own learners' counters at the date, most apprenants first. */
export function TableOrganismesPerimetre(props: { data: OrganismesPerimetre }) {
  return (
    <div class="fr-table table-scroll" id="table-organismes">
      <table tabindex="0">
        <caption class="fr-sr-only">Effectifs par organisme au {formatDate(props.data.date)}</caption>
        <thead>
          <tr>
            <th scope="col">Organisme</th>
            <th scope="col">UAI</th>
            <th scope="col">SIRET</th>
            <th scope="col">Département</th>
            <For each={INDICATEURS}>
              {(key) => (
                <th scope="col" class="cell-number">
                  {INDICATEUR_LABELS[key]}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.data.organismes}
            fallback={
              <tr>
                <td colSpan={9}>Aucun apprenant à cette date.</td>
              </tr>
            }
          >
            {(o) => (
              <tr>
                <th scope="row">{o.nom}</th>
                <td>{o.uai ?? ""}</td>
                <td>{o.siret}</td>
                <td>{o.departement ?? ""}</td>
                <For each={INDICATEURS}>{(key) => <td class="cell-number">{o.indicateurs[key]}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
