import { For } from "solid-js";
import { formatDate } from "../../format";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import type { DepartementsPerimetre } from "../../../../worker/domain/indicateurs-territoire";

/** A perimeter's five counters at the date, by the département of the organismes that train the learners. */
export function TableDepartements(props: { data: DepartementsPerimetre }) {
  return (
    <div class="fr-table table-scroll" id="table-departements">
      <table tabindex="0">
        <caption class="fr-sr-only">Effectifs par département au {formatDate(props.data.date)}</caption>
        <thead>
          <tr>
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
            each={props.data.departements}
            fallback={
              <tr>
                <td colSpan={6}>Aucun apprenant à cette date.</td>
              </tr>
            }
          >
            {(d) => (
              <tr>
                <th scope="row">{d.departement && d.nom !== d.departement ? `${d.nom} (${d.departement})` : d.nom}</th>
                <For each={INDICATEURS}>{(key) => <td class="cell-number">{d.indicateurs[key]}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
