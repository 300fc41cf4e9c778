import { Match, Switch } from "solid-js";
import { formatDate, NATURE_LABELS } from "../../format";
import type { OrganismeFiche } from "../../../../worker/domain/organisme-fiche";
import { etatTransmission } from "./etat-transmission";

/** The organisme card of "Mon tableau de bord": transmission state, fiabilité, identity. */
export function OrganismeCard(props: { organisme: OrganismeFiche }) {
  const o = () => props.organisme;
  const etat = () => etatTransmission(o());
  return (
    <div class="fr-card fr-mb-4w" id="carte-organisme">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <ul class="fr-badges-group fr-mb-1w">
            <li>
              <Switch>
                <Match when={etat().etat === "non-transmis"}>
                  <p class="fr-badge fr-badge--warning" id="etat-transmission">
                    Données non transmises
                  </p>
                </Match>
                <Match when={etat().etat === "en-attente"}>
                  <p class="fr-badge fr-badge--new" id="etat-transmission">
                    En attente de votre confirmation
                  </p>
                </Match>
                <Match when={etat().etat === "non-parametre"}>
                  <p class="fr-badge fr-badge--warning" id="etat-transmission">
                    Transmission non paramétrée — dernière MAJ : {formatDate(o().lastTransmissionAt)}
                  </p>
                </Match>
                <Match when={etat().etat === "transmet"}>
                  <p class="fr-badge fr-badge--success" id="etat-transmission">
                    Transmet — MAJ : {formatDate(o().lastTransmissionAt)}
                  </p>
                </Match>
              </Switch>
            </li>
            <li>
              <p class={`fr-badge ${o().fiabilite.fiable ? "fr-badge--success" : "fr-badge--error"}`} id="fiabilite">
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
