import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { dossiersRecus } from "./etat-transmission";

/** Records pushed before "Je confirme": said where the user looks, with the way to decide. */
export function DossiersEnAttente(props: { dossiers: number; lienParametres: boolean }) {
  return (
    <Show when={props.dossiers > 0}>
      <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="dossiers-en-attente">
        <p>
          {dossiersRecus(props.dossiers)} : ils seront pris en compte dès que vous confirmerez l'UAI et le SIRET de
          votre établissement.{" "}
          <Show when={props.lienParametres}>
            <A href="/parametres">Confirmer mon établissement</A>
          </Show>
        </p>
      </div>
    </Show>
  );
}
