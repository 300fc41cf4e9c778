import { For } from "solid-js";
import { formatDate } from "../../format";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import type { FormationsAt } from "../../../../worker/domain/indicateurs-organisme";

/** The five counters of each formation at the date. */
export function TableFormations(props: { data: FormationsAt }) {
  return (
    <div class="fr-table table-scroll" id="table-formations">
      <table tabindex="0">
        <caption class="fr-sr-only">Vos effectifs par formation au {formatDate(props.data.date)}</caption>
        <thead>
          <tr>
            <th scope="col">Formation</th>
            <th scope="col">CFD</th>
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
            each={props.data.formations}
            fallback={
              <tr>
                <td colSpan={7}>Aucun apprenant à cette date.</td>
              </tr>
            }
          >
            {(f) => (
              <tr>
                <th scope="row">{f.libelle ?? "Formation non renseignée"}</th>
                <td>{f.cfd ?? ""}</td>
                <For each={INDICATEURS}>{(key) => <td class="cell-number">{f.indicateurs[key]}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
