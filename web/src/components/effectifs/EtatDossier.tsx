import { Show } from "solid-js";
import type { EffectifListRow } from "../../../../worker/domain/effectifs-liste";
import { libelleChamp } from "../../../../worker/domain/libelles-champs";

/** The "État du dossier" cell: an icon whose tooltip lists every missing or invalid field (keyboard: focus it). */
export function EtatDossier(props: { row: EffectifListRow; index: number }) {
  const tooltipId = () => `erreurs-${props.index}`;
  const invalide = () => props.row.etat === "Invalide pour TBA";
  return (
    <span class="etat-dossier">
      <Show
        when={invalide()}
        fallback={
          <span
            class={
              props.row.etat === "Transmis sur TBA"
                ? "fr-icon-checkbox-circle-fill fr-text-default--success"
                : "fr-icon-time-line"
            }
            aria-hidden="true"
          />
        }
      >
        <button
          type="button"
          class="tooltip-trigger fr-icon-error-warning-fill fr-text-default--error"
          aria-describedby={tooltipId()}
        >
          <span class="fr-sr-only">Voir les erreurs</span>
        </button>
        <span class="tooltip" role="tooltip" id={tooltipId()}>
          <ul>
            {props.row.erreurs.map((e) => (
              <li>
                <strong>{libelleChamp(e.path)}</strong> : {e.message}
              </li>
            ))}
          </ul>
        </span>
      </Show>{" "}
      {props.row.etat}
    </span>
  );
}
