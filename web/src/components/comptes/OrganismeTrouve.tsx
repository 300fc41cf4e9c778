import { Show } from "solid-js";
import { NATURE_LABELS } from "../../format";
import type { OrganismeReferentiel } from "../../../../worker/domain/referentiel";

/** One search result of the sign-up, selectable as a radio (the whole tile is the label). */
export function OrganismeTrouve(props: { organisme: OrganismeReferentiel; selected: boolean; onSelect: () => void }) {
  const o = () => props.organisme;
  const id = () => `organisme-${o().id}`;
  return (
    <div class="fr-fieldset__element">
      <div class="fr-radio-group fr-radio-rich">
        <input
          type="radio"
          id={id()}
          name="organisme"
          value={o().id}
          checked={props.selected}
          onChange={() => props.onSelect()}
        />
        <label class="fr-label" for={id()}>
          <span>
            <strong>{o().enseigne ?? o().raison_sociale}</strong>
            <span class="fr-hint-text">
              UAI : {o().uai ?? "inconnu"} — SIRET : {o().siret} {o().ferme ? "(fermé)" : "(en activité)"}
            </span>
            <span class="fr-hint-text">
              Nature : {NATURE_LABELS[o().nature] ?? o().nature}
              <Show when={o().enseigne}> — Raison sociale : {o().raison_sociale}</Show>
            </span>
            <span class="fr-hint-text">
              Domiciliation : {[o().adresse, o().code_postal, o().commune].filter(Boolean).join(", ")}
            </span>
            <span class={`fr-badge fr-badge--sm fr-mt-1w ${o().fiable ? "fr-badge--info" : "fr-badge--error"}`}>
              {o().fiable ? "Organisme fiable" : "Organisme non fiable"}
            </span>
            <span class="fr-hint-text">{o().fiabilite_raison}</span>
          </span>
        </label>
      </div>
    </div>
  );
}
