import { createAsync } from "@solidjs/router";
import { createEffect, For, on, Show } from "solid-js";
import { getEffectif } from "../../queries";
import { QueryBoundary } from "../Errors";
import { SuiviMissionLocaleCfa } from "../missions-locales/SuiviMissionLocaleCfa";
import { CorrectionDossier } from "./CorrectionDossier";
import { formatDate } from "../../format";
import { STATUT_LABELS } from "../../../../worker/domain/labels";
import type { DossierNormalise } from "../../../../worker/domain/dossier";
import { libelleChamp } from "../../../../worker/domain/libelles-champs";

const FIELDS: [keyof DossierNormalise, string][] = [
  ["nom_apprenant", "Nom"],
  ["prenom_apprenant", "Prénom"],
  ["date_de_naissance_apprenant", "Date de naissance"],
  ["libelle_court_formation", "Formation"],
  ["formation_cfd", "Code diplôme (CFD)"],
  ["formation_rncp", "RNCP"],
  ["date_entree_formation", "Entrée en formation"],
  ["date_fin_formation", "Fin de formation"],
  ["contrat_date_debut", "Début du contrat"],
  ["contrat_date_fin", "Fin du contrat"],
  ["contrat_date_rupture", "Rupture du contrat"],
  ["siret_employeur", "SIRET de l'employeur"],
];

const show = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDate(value) : String(value ?? "—");

/**
 * One dossier: its main fields, its parcours (one line per change of statut) and its errors. It opens above the
 * table, maybe far above the row clicked: it comes into view and takes the focus.
 */
export function DossierDetail(props: {
  organismeId: string;
  effectifId: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const detail = createAsync(() => getEffectif(props.organismeId, props.effectifId));
  let cadre: HTMLElement | undefined;
  let titre: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.effectifId,
      () => {
        cadre?.scrollIntoView({ block: "start" });
        titre?.focus({ preventScroll: true });
      },
    ),
  );
  return (
    <section class="fr-card fr-p-3w fr-mb-3w" aria-labelledby="detail-titre" id="detail-dossier" ref={cadre}>
      <div class="fr-grid-row fr-grid-row--middle">
        <h2 id="detail-titre" class="fr-h5 fr-col" ref={titre} tabindex="-1">
          <QueryBoundary queries={[detail]} quiet>
            Dossier {detail.latest?.idErpApprenant} — année scolaire {detail.latest?.anneeScolaire}
          </QueryBoundary>
        </h2>
        <button
          type="button"
          class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line"
          title="Fermer le dossier"
          onClick={props.onClose}
        >
          Fermer
        </button>
      </div>
      <QueryBoundary queries={[detail]}>
        <Show when={detail.latest} fallback={<p>Chargement…</p>}>
          {(d) => (
            <>
              <CorrectionDossier organismeId={props.organismeId} effectif={d()} onDeleted={props.onDeleted} />
              <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                  <dl>
                    <For each={FIELDS.filter(([key]) => d().dossier[key] !== undefined)}>
                      {([key, label]) => (
                        <div class="fr-mb-1v">
                          <dt class="fr-text--bold fr-text--sm fr-mb-0">{label}</dt>
                          <dd class="fr-ml-0">{show(d().dossier[key])}</dd>
                        </div>
                      )}
                    </For>
                  </dl>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                  <h3 class="fr-h6">Parcours</h3>
                  <ol>
                    <For each={d().parcours}>
                      {(step) => (
                        <li>
                          {formatDate(step.date)} : {STATUT_LABELS[step.statut]}
                        </li>
                      )}
                    </For>
                  </ol>
                  <Show when={d().erreurs.length}>
                    <h3 class="fr-h6">Erreurs de la dernière transmission</h3>
                    <ul>
                      <For each={d().erreurs}>
                        {(e) => (
                          <li>
                            <strong>{libelleChamp(e.path)}</strong> : {e.message}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <SuiviMissionLocaleCfa organismeId={props.organismeId} effectif={d()} />
                </div>
              </div>
            </>
          )}
        </Show>
      </QueryBoundary>
    </section>
  );
}
