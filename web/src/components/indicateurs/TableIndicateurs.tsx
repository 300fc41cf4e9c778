import { For, type JSX } from "solid-js";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import type { Indicateurs } from "../../../../worker/domain/indicators";
import { DsfrTable } from "../DsfrTable";

/** The header cells of the five counters, in their order. */
export function EntetesIndicateurs() {
  return (
    <For each={INDICATEURS}>
      {(key) => (
        <th scope="col" class="cell-number">
          {INDICATEUR_LABELS[key]}
        </th>
      )}
    </For>
  );
}

/**
 * A table of rows that each carry the five counters at a date: the row's own columns first (`colonnes`, the cells
 * `cellules` gives: a `<th scope="row">`, then `<td>`s), then the counters; "Aucun apprenant à cette date." if empty.
 */
export function TableIndicateurs<R extends { indicateurs: Indicateurs }>(props: {
  id: string;
  caption: JSX.Element;
  colonnes: string[];
  rows: R[];
  cellules: (row: R) => JSX.Element;
}) {
  return (
    <DsfrTable caption={props.caption} class="table-scroll" id={props.id} focusable srOnlyCaption>
      <thead>
        <tr>
          <For each={props.colonnes}>{(colonne) => <th scope="col">{colonne}</th>}</For>
          <EntetesIndicateurs />
        </tr>
      </thead>
      <tbody>
        <For
          each={props.rows}
          fallback={
            <tr>
              <td colSpan={props.colonnes.length + INDICATEURS.length}>Aucun apprenant à cette date.</td>
            </tr>
          }
        >
          {(row) => (
            <tr>
              {props.cellules(row)}
              <For each={INDICATEURS}>{(key) => <td class="cell-number">{row.indicateurs[key]}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </DsfrTable>
  );
}
