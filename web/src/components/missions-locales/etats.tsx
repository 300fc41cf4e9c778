/** How the Missions Locales' pages show a follow-up state and the learners' flags (labels: worker/domain). */
import { Show } from "solid-js";
import { ETAT_SUIVI_LABELS, type EtatSuivi } from "../../../../worker/domain/missions-locales";
import { formatDate } from "../../format";

const BADGE: Record<EtatSuivi, string> = {
  a_traiter: "fr-badge--new",
  a_recontacter: "fr-badge--warning",
  contacte: "fr-badge--info",
  accompagnement_demarre: "fr-badge--success",
  injoignable: "fr-badge--error",
  refus: "",
  deja_accompagne: "fr-badge--success",
};

/** "N jeune(s)". */
export const jeunes = (n: number) => `${n} jeune${n > 1 ? "s" : ""}`;

/** The follow-up state as a DSFR badge; "À recontacter" carries its date. */
export function BadgeEtat(props: { etat: EtatSuivi; recontacterLe?: string | null }) {
  return (
    <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[props.etat]}`} data-etat={props.etat}>
      {ETAT_SUIVI_LABELS[props.etat]}
      <Show when={props.etat === "a_recontacter" && props.recontacterLe}>
        {(date) => <> le {formatDate(date())}</>}
      </Show>
    </span>
  );
}
