import { Show } from "solid-js";
import { formatDate, NATURE_LABELS } from "../../format";
import type { OrganismeFiche } from "../../../../worker/domain/organisme-fiche";

/** The organisme card of "Mon tableau de bord": transmission state, fiabilité, identity. */
export function OrganismeCard(props: { organisme: OrganismeFiche }) {
  const o = () => props.organisme;
  return (
    <div class="fr-card fr-mb-4w" id="carte-organisme">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <ul class="fr-tags-group fr-mb-1w">
            <li>
              <Show
                when={o().lastTransmissionAt}
                fallback={
                  <p class="fr-badge fr-badge--warning" id="etat-transmission">
                    Données non transmises
                  </p>
                }
              >
                <p class="fr-badge fr-badge--success" id="etat-transmission">
                  Transmet — MAJ : {formatDate(o().lastTransmissionAt)}
                </p>
              </Show>
            </li>
            <li>
              <p class={`fr-badge ${o().fiabilite.fiable ? "fr-badge--info" : "fr-badge--error"}`} id="fiabilite">
                {o().fiabilite.fiable ? "Organisme fiable" : "Organisme non fiable"}
              </p>
            </li>
          </ul>
          <p class="fr-text--sm fr-mb-2w">{o().fiabilite.raison}</p>
          <h2 class="fr-card__title">{o().enseigne ?? o().raisonSociale}</h2>
          <div class="fr-card__desc">
            <p class="fr-mb-1w">
              <strong>UAI :</strong> {o().uai ?? "inconnu"} &nbsp; <strong>SIRET :</strong> {o().siret}{" "}
              {o().ferme ? "(fermé)" : "(en activité)"} &nbsp; <strong>Nature :</strong>{" "}
              {NATURE_LABELS[o().nature] ?? o().nature}
            </p>
            <p class="fr-mb-1w">
              <strong>Raison sociale :</strong> {o().raisonSociale}
            </p>
            <p class="fr-mb-0">
              <strong>Domiciliation :</strong> {[o().adresse, o().codePostal, o().commune].filter(Boolean).join(", ")}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
