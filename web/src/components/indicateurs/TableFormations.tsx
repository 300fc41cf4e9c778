import { formatDate } from "../../format";
import { TableIndicateurs } from "./TableIndicateurs";
import type { FormationsAt } from "../../../../worker/domain/indicateurs-organisme";

/** The five counters of each formation at the date. */
export function TableFormations(props: { data: FormationsAt }) {
  return (
    <TableIndicateurs
      id="table-formations"
      caption={<>Vos effectifs par formation au {formatDate(props.data.date)}</>}
      colonnes={["Formation", "CFD"]}
      rows={props.data.formations}
      cellules={(f) => (
        <>
          <th scope="row">{f.libelle ?? "Formation non renseignée"}</th>
          <td>{f.cfd ?? ""}</td>
        </>
      )}
    />
  );
}
