import { formatDate } from "../../format";
import { TableIndicateurs } from "./TableIndicateurs";
import type { DepartementsPerimetre } from "../../../../worker/domain/indicateurs-territoire";

/** A perimeter's five counters at the date, by the département of the organismes that train the learners. */
export function TableDepartements(props: { data: DepartementsPerimetre }) {
  return (
    <TableIndicateurs
      id="table-departements"
      caption={<>Effectifs par département au {formatDate(props.data.date)}</>}
      colonnes={["Département"]}
      rows={props.data.departements}
      cellules={(d) => (
        <th scope="row">{d.departement && d.nom !== d.departement ? `${d.nom} (${d.departement})` : d.nom}</th>
      )}
    />
  );
}
