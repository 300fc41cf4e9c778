import type { JSX } from "solid-js";
import { formatDate } from "../../format";
import type { TransmissionsJour } from "../../../../worker/domain/transmissions-historique";

/** The head of a table of days of transmissions: "Jour", its five counts, then the columns in `children`. */
export function EnteteTransmissionsJour(props: { children?: JSX.Element }) {
  return (
    <thead>
      <tr>
        <th scope="col">Jour</th>
        <th scope="col" class="cell-number">
          Transmissions
        </th>
        <th scope="col" class="cell-number">
          Dossiers reçus
        </th>
        <th scope="col" class="cell-number">
          Valides
        </th>
        <th scope="col" class="cell-number">
          Invalides
        </th>
        <th scope="col" class="cell-number">
          En attente
        </th>
        {props.children}
      </tr>
    </thead>
  );
}

/** A day of transmissions' cells under EnteteTransmissionsJour: the day, then its five counts. */
export function CellulesTransmissionsJour(props: { jour: TransmissionsJour }) {
  return (
    <>
      <th scope="row">{formatDate(props.jour.date)}</th>
      <td class="cell-number">{props.jour.transmissions}</td>
      <td class="cell-number">{props.jour.recus}</td>
      <td class="cell-number">{props.jour.valides}</td>
      <td class="cell-number">{props.jour.invalides}</td>
      <td class="cell-number">{props.jour.enAttente}</td>
    </>
  );
}
