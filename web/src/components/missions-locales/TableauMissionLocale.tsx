import { A, createAsync } from "@solidjs/router";
import { For, Show, Suspense } from "solid-js";
import {
  ETAT_SUIVI_LABELS,
  ETATS_SUIVI,
  ONGLET_LABELS,
  ONGLETS_RUPTURE,
} from "../../../../worker/domain/missions-locales";
import { QueryBoundary } from "../Errors";
import { EtatDirect } from "../EtatDirect";
import { formatDate } from "../../format";
import { getMissionLocaleTableau, useMissionLocaleLive } from "../../queries-mission-locale";
import { jeunes } from "./etats";
import "./missions-locales.css";
import { DsfrTable } from "../DsfrTable";

/**
 * A Mission Locale's dashboard: the learners of each tab, the follow-up states of those in rupture, the learners
 * signalled by their CFA and those to call back today, with the way to the list; live like the list.
 */
export function TableauMissionLocale() {
  const tableau = createAsync(() => getMissionLocaleTableau());
  const live = useMissionLocaleLive();
  return (
    <QueryBoundary queries={[tableau]}>
      <Suspense fallback={<p>Chargement…</p>}>
        <EtatDirect live={live} />
        <Show when={tableau.latest}>
          {(t) => (
            <>
              <section aria-labelledby="ml-titre" class="fr-mb-4w" id="tableau-mission-locale">
                <h2 id="ml-titre" class="fr-h4">
                  {t().missionLocale.nom} <span class="fr-text--regular">(au {formatDate(t().aujourdhui)})</span>
                </h2>
                <div class="fr-grid-row fr-grid-row--gutters">
                  <For each={ONGLETS_RUPTURE}>
                    {(o) => (
                      <div class="fr-col-12 fr-col-sm-4">
                        <div class="fr-tile fr-tile--sm" data-onglet={o}>
                          <div class="fr-tile__body">
                            <p class="counter fr-mb-0">{t().onglets[o]}</p>
                            <p class="fr-tile__desc">{ONGLET_LABELS[o]}</p>
                          </div>
                        </div>
                      </div>
                    )}
                  </For>
                  <div class="fr-col-12 fr-col-sm-6">
                    <div class="fr-tile fr-tile--sm" id="compteur-signales">
                      <div class="fr-tile__body">
                        <p class="counter fr-mb-0">{t().signales}</p>
                        <p class="fr-tile__desc">signalés par leur CFA</p>
                      </div>
                    </div>
                  </div>
                  <div class="fr-col-12 fr-col-sm-6">
                    <div class="fr-tile fr-tile--sm" id="compteur-a-recontacter">
                      <div class="fr-tile__body">
                        <p class="counter fr-mb-0">{t().aRecontacterAujourdhui}</p>
                        <p class="fr-tile__desc">à recontacter aujourd'hui</p>
                      </div>
                    </div>
                  </div>
                </div>
              </section>
              <section aria-labelledby="etats-titre" class="fr-mb-4w">
                <h2 id="etats-titre" class="fr-h5">
                  Suivi des {jeunes(t().onglets.rupturants)} en rupture
                </h2>
                <DsfrTable caption="Jeunes en rupture par état du suivi" tableId="table-etats" srOnlyCaption>
                  <thead>
                    <tr>
                      <th scope="col">État du suivi</th>
                      <th scope="col" class="cell-number">
                        Jeunes
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={ETATS_SUIVI}>
                      {(etat) => (
                        <tr data-etat={etat}>
                          <th scope="row">
                            <A href={`/jeunes-en-rupture?etat=${etat}`}>{ETAT_SUIVI_LABELS[etat]}</A>
                          </th>
                          <td class="cell-number">{t().etats[etat]}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </DsfrTable>
              </section>
              <A class="fr-btn fr-icon-arrow-right-line fr-btn--icon-right" href="/jeunes-en-rupture">
                Voir les jeunes en rupture
              </A>
            </>
          )}
        </Show>
      </Suspense>
    </QueryBoundary>
  );
}
