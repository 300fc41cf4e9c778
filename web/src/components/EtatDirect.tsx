import type { LiveConnection } from "../live";

/** "● Mis à jour en direct" while the page's live socket is open. */
export function EtatDirect(props: { live: LiveConnection }) {
  return (
    <p class="fr-text--xs fr-mb-1w" aria-live="polite" id="etat-direct">
      {props.live.status() === "open" ? "● Mis à jour en direct" : "○ Connexion au direct…"}
    </p>
  );
}
