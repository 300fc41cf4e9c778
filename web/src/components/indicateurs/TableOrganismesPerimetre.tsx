import { formatDate } from "../../format";
import { TableIndicateurs } from "./TableIndicateurs";
import type { OrganismesPerimetre } from "../../../../worker/domain/indicateurs-territoire";

/**
 * One page of a perimeter's organismes, each with its own learners' counters at the date, most apprenants first:
 * the rows add up to the perimeter's total (the Organismes page shows each with its formateurs, as its dashboard).
 */
export function TableOrganismesPerimetre(props: { data: OrganismesPerimetre }) {
  return (
    <TableIndicateurs
      id="table-organismes"
      caption={
        <>
          Effectifs par organisme au {formatDate(props.data.date)}{" "}
          <span class="fr-text--regular fr-text--sm">
            (les apprenants de chaque organisme lui-même : ceux de ses formateurs sont sur leur propre ligne, alors que
            la page Organismes les compte avec leur responsable)
          </span>
        </>
      }
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
