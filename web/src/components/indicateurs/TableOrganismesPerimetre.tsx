import { formatDate } from "../../format";
import { TableIndicateurs } from "./TableIndicateurs";
import type { OrganismesPerimetre } from "../../../../worker/domain/indicateurs-territoire";

/** One page of a perimeter's organismes, each with its own learners' counters at the date, most apprenants first. */
export function TableOrganismesPerimetre(props: { data: OrganismesPerimetre }) {
  return (
    <TableIndicateurs
      id="table-organismes"
      caption={<>Effectifs par organisme au {formatDate(props.data.date)}</>}
      colonnes={["Organisme", "UAI", "SIRET", "Département"]}
      rows={props.data.organismes}
      cellules={(o) => (
        <>
          <th scope="row">{o.nom}</th>
          <td>{o.uai ?? ""}</td>
          <td>{o.siret}</td>
          <td>{o.departement ?? ""}</td>
        </>
      )}
    />
  );
}
