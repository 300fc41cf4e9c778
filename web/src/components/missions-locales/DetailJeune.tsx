import { createAsync } from "@solidjs/router";
import { createEffect, Show } from "solid-js";
import { ONGLET_LABELS } from "../../../../worker/domain/missions-locales";
import { QueryBoundary } from "../Errors";
import { formatDate } from "../../format";
import { getJeuneEnRupture } from "../../queries-mission-locale";
import { BadgeEtat } from "./etats";
import { FormulaireSuivi } from "./FormulaireSuivi";
import { HistoriqueSuivi } from "./HistoriqueSuivi";

/**
 * A learner's follow-up, in a DSFR modal (a native <dialog>: focus kept inside, Escape closes, focus back on the
 * row's button): its contact details (each opening is logged by the server), the history of the exchanges with the
 * CFA and the form to change its state. Live: the page's socket revalidates it with the list.
 */
export function DetailJeune(props: { effectifId: string | null; aujourdhui: string; onClose: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  createEffect(() => {
    if (props.effectifId && !dialog?.open) dialog?.showModal();
    if (!props.effectifId && dialog?.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      id="modale-jeune"
      class="fr-modal"
      classList={{ "fr-modal--opened": Boolean(props.effectifId) }}
      aria-labelledby="modale-jeune-titre"
      onClose={() => props.onClose()}
    >
      <div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button
                  type="button"
                  class="fr-btn--close fr-btn"
                  title="Fermer la fenêtre"
                  onClick={() => dialog?.close()}
                >
                  Fermer
                </button>
              </div>
              <div class="fr-modal__content">
                <Show
                  when={props.effectifId}
                  fallback={
                    <h2 id="modale-jeune-titre" class="fr-modal__title">
                      Suivi
                    </h2>
                  }
                >
                  {(id) => <ContenuJeune effectifId={id()} aujourdhui={props.aujourdhui} />}
                </Show>
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}

function ContenuJeune(props: { effectifId: string; aujourdhui: string }) {
  const detail = createAsync(() => getJeuneEnRupture(props.effectifId));
  const jeune = () => detail.latest?.jeune;
  return (
    <>
      <h2 id="modale-jeune-titre" class="fr-modal__title">
        <QueryBoundary queries={[detail]} quiet>
          {jeune() ? `${jeune()!.prenom} ${jeune()!.nom}` : "Suivi du jeune"}
        </QueryBoundary>
      </h2>
      <QueryBoundary queries={[detail]}>
        <Show when={detail.latest} fallback={<p>Chargement…</p>}>
          {(d) => (
            <>
              <p class="fr-mb-2w">
                <BadgeEtat etat={d().jeune.etat} recontacterLe={d().jeune.recontacterLe} />{" "}
                <span class="fr-badge fr-badge--sm fr-badge--no-icon">{ONGLET_LABELS[d().jeune.onglet]}</span>
                <Show when={d().jeune.signaleAt}>
                  {(at) => (
                    <>
                      {" "}
                      <span class="fr-badge fr-badge--sm fr-badge--warning">
                        Signalé par le CFA le {formatDate(at())}
                      </span>
                    </>
                  )}
                </Show>
              </p>
              <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                  <h3 class="fr-h6">Coordonnées</h3>
                  <dl class="detail-jeune" id="coordonnees-jeune">
                    <dt>Âge</dt>
                    <dd>
                      {d().jeune.age} ans
                      {d().jeune.mineur ? " (mineur)" : ""}
                      {d().jeune.rqth ? " — RQTH" : ""}
                    </dd>
                    <dt>Téléphone</dt>
                    <dd>
                      <Show when={d().jeune.telephone} fallback="Non renseigné">
                        {(tel) => <a href={`tel:${tel().replace(/\s/g, "")}`}>{tel()}</a>}
                      </Show>
                    </dd>
                    <dt>E-mail</dt>
                    <dd>
                      <Show when={d().jeune.email} fallback="Non renseigné">
                        {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
                      </Show>
                    </dd>
                    <dt>Commune</dt>
                    <dd>{d().jeune.commune.nom ?? d().jeune.commune.code ?? "Non renseignée"}</dd>
                    <dt>Formation</dt>
                    <dd>{d().jeune.formation ?? "Non renseignée"}</dd>
                    <dt>CFA</dt>
                    <dd>
                      {d().jeune.cfa.nom}
                      {d().jeune.cfa.commune ? ` (${d().jeune.cfa.commune})` : ""}
                    </dd>
                    <dt>Contact au CFA</dt>
                    <dd>{d().jeune.cfa.contact ?? "Non renseigné"}</dd>
                    <dt>SIRET de l'employeur</dt>
                    <dd>{d().jeune.siretEmployeur ?? "Non renseigné"}</dd>
                    <dt>Rupture du contrat</dt>
                    <dd>
                      le {formatDate(d().jeune.dateRupture)}, il y a {d().jeune.joursDepuisRupture} jour
                      {d().jeune.joursDepuisRupture > 1 ? "s" : ""}
                    </dd>
                  </dl>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                  <FormulaireSuivi jeune={d().jeune} aujourdhui={props.aujourdhui} />
                </div>
              </div>
              <h3 class="fr-h6 fr-mt-3w">Historique du suivi</h3>
              <HistoriqueSuivi historique={d().historique} id="historique-suivi" />
            </>
          )}
        </Show>
      </QueryBoundary>
    </>
  );
}
