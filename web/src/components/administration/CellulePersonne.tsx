import { Show } from "solid-js";
import { nomComplet } from "../../format";

/** The administration tables' "Personne" cell: civilité, prénom and nom, and the fonction under them. */
export function CellulePersonne(props: {
  personne: { civilite?: string | null; prenom: string; nom: string; fonction?: string | null };
}) {
  return (
    <td>
      {nomComplet(props.personne)}
      <Show when={props.personne.fonction}>
        <br />
        <span class="fr-text--xs">{props.personne.fonction}</span>
      </Show>
    </td>
  );
}
