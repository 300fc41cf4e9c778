import { For } from "solid-js";
import type { ErreurLigne } from "./types";
import { DsfrTable } from "../DsfrTable";

/** Every error of the dry run, by line of the file and column. */
export function ErreursFichier(props: { erreurs: ErreurLigne[] }) {
  return (
    <DsfrTable
      caption="Erreurs du fichier, par ligne et par colonne"
      class="table-scroll fr-mb-3w"
      tabindex="0"
      role="region"
      aria-label="Erreurs du fichier"
      tableId="table-erreurs-fichier"
    >
      <thead>
        <tr>
          <th scope="col">Ligne</th>
          <th scope="col">Colonne</th>
          <th scope="col">Erreur</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.erreurs}>
          {(erreur) => (
            <tr>
              <td>{erreur.ligne}</td>
              <td>{erreur.colonne}</td>
              <td>{erreur.message}</td>
            </tr>
          )}
        </For>
      </tbody>
    </DsfrTable>
  );
}
