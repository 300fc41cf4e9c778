import { For, Show } from "solid-js";
import {
  ETAT_SUIVI_LABELS,
  MOTIF_SIGNALEMENT_LABELS,
  type SuiviEvenement,
} from "../../../../worker/domain/missions-locales";
import { formatDate, formatDateTime } from "../../format";

/**
 * A follow-up's history, oldest first, as both sides see it: each change of state (dated, signed, with its note)
 * and each signalement by the CFA (its motif, its text and the CFA's contact person).
 */
export function HistoriqueSuivi(props: { historique: SuiviEvenement[]; id?: string }) {
  return (
    <Show
      when={props.historique.length > 0}
      fallback={
        <p class="fr-text--sm" id={props.id}>
          Aucun échange pour l'instant.
        </p>
      }
    >
      <ol class="historique-suivi" id={props.id}>
        <For each={props.historique}>
          {(e) => (
            <li data-cote={e.cote}>
              <p class="fr-text--sm fr-mb-1v">
                <time datetime={e.at}>{formatDateTime(e.at)}</time> — {e.auteur}{" "}
                <span class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--blue-ecume">
                  {e.cote === "cfa" ? "CFA" : "Mission Locale"}
                </span>
              </p>
              <Show
                when={e.etat}
                fallback={
                  <p class="fr-mb-1v">
                    <strong>Signalement à la Mission Locale</strong>
                    <Show when={e.motif}>{(motif) => <> : {MOTIF_SIGNALEMENT_LABELS[motif()]}</>}</Show>
                  </p>
                }
              >
                {(etat) => (
                  <p class="fr-mb-1v">
                    État : <strong>{ETAT_SUIVI_LABELS[etat()]}</strong>
                    <Show when={e.recontacterLe}>{(date) => <> (à recontacter le {formatDate(date())})</>}</Show>
                  </p>
                )}
              </Show>
              <Show when={e.contactNom || e.contactTelephone}>
                <p class="fr-text--sm fr-mb-1v">
                  Contact au CFA : {[e.contactNom, e.contactTelephone].filter(Boolean).join(" — ")}
                </p>
              </Show>
              <Show when={e.note}>
                <blockquote class="historique-note fr-text--sm fr-mb-0">{e.note}</blockquote>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
