import { A } from "@solidjs/router";
import { Show } from "solid-js";

/** The suspected duplicates à traiter, on the dashboard (live with the organisme's card), with the way to them. */
export function DoublonsATraiter(props: { doublons: number }) {
  return (
    <Show when={props.doublons > 0}>
      <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="doublons-a-traiter">
        <p>
          {props.doublons} doublon{props.doublons > 1 ? "s" : ""} suspecté{props.doublons > 1 ? "s" : ""} à traiter : le
          même apprenant figure dans deux dossiers. <A href="/effectifs/doublons">Voir les doublons</A>
        </p>
      </div>
    </Show>
  );
}
