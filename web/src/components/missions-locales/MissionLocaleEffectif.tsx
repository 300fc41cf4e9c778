import { Show } from "solid-js";
import { ETAT_SUIVI_LABELS, type EtatSuivi } from "../../../../worker/domain/missions-locales";

/**
 * Under a learner's statut in Mes effectifs, for a learner ever in rupture: the Mission Locale covering the
 * learner and, once it follows the learner, its follow-up state (the page's live socket keeps it current).
 */
export function MissionLocaleEffectif(props: { suivi: { nom: string; etat: EtatSuivi | null } | undefined }) {
  return (
    <Show when={props.suivi}>
      {(s) => (
        <span class="fr-hint-text" data-mission-locale>
          {s().nom}
          <Show when={s().etat}>{(etat) => <> : {ETAT_SUIVI_LABELS[etat()]}</>}</Show>
        </span>
      )}
    </Show>
  );
}
