import { createAsync } from "@solidjs/router";
import { For, Show, Suspense } from "solid-js";
import {
  ETAT_SUIVI_LABELS,
  ETATS_SUIVI,
  ONGLET_LABELS,
  ONGLETS_RUPTURE,
} from "../../../../worker/domain/missions-locales";
import { QueryBoundary } from "../Errors";
import { DEPARTEMENTS } from "../../../../worker/domain/territoires";
import { formatDate } from "../../format";
import { getArmlActivite, useArmlLive } from "../../queries-mission-locale";
import { EtatDirect } from "../EtatDirect";
import "./missions-locales.css";
import { DsfrTable } from "../DsfrTable";

/**
 * An ARML's dashboard: one row per Mission Locale of its région with its counters (tabs, follow-up states,
 * signalements) — activity figures only, never a learner. Live: each push or follow-up change in its région.
 */
export function TableauArml() {
  const activite = createAsync(() => getArmlActivite());
  const live = useArmlLive();
  return (
    <QueryBoundary queries={[activite]}>
      <Suspense fallback={<p>Chargement…</p>}>
        <EtatDirect live={live} />
        <Show when={activite.latest}>
          {(a) => (
            <section aria-labelledby="arml-titre">
              <h2 id="arml-titre" class="fr-h4">
                Activité des Missions Locales — {a().region.nom}{" "}
                <span class="fr-text--regular">(au {formatDate(a().aujourdhui)})</span>
              </h2>
              <p class="fr-text--sm">
                Les jeunes en rupture de contrat d'apprentissage domiciliés dans la zone de chaque Mission Locale et
                l'état de leur suivi. Aucune donnée nominative n'est présentée.
              </p>
              <DsfrTable
                caption="Missions Locales de la région et leurs compteurs"
                class="table-scroll arml-table"
                tableId="table-arml"
                focusable
                srOnlyCaption
              >
                <thead>
                  <tr>
                    <th scope="col">Mission Locale</th>
                    <th scope="col">Département</th>
                    <For each={ONGLETS_RUPTURE}>
                      {(o) => (
                        <th scope="col" class="cell-number">
                          {ONGLET_LABELS[o]}
                        </th>
                      )}
                    </For>
                    <th scope="col" class="cell-number">
                      Signalés par le CFA
                    </th>
                    <For each={ETATS_SUIVI}>
                      {(etat) => (
                        <th scope="col" class="cell-number">
                          {ETAT_SUIVI_LABELS[etat]}
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={a().missionsLocales}
                    fallback={
                      <tr>
                        <td colSpan={3 + ONGLETS_RUPTURE.length + ETATS_SUIVI.length}>
                          Aucune Mission Locale dans la région.
                        </td>
                      </tr>
                    }
                  >
                    {(ml) => (
                      <tr data-mission-locale={ml.id}>
                        <th scope="row">
                          {ml.nom}
                          <Show when={ml.commune}>{(c) => <span class="fr-hint-text">{c()}</span>}</Show>
                        </th>
                        <td>
                          {DEPARTEMENTS[ml.codeDepartement] ?? ml.codeDepartement} ({ml.codeDepartement})
                        </td>
                        <For each={ONGLETS_RUPTURE}>
                          {(o) => (
                            <td class="cell-number" data-onglet={o}>
                              {ml.onglets[o]}
                            </td>
                          )}
                        </For>
                        <td class="cell-number">{ml.signales}</td>
                        <For each={ETATS_SUIVI}>{(etat) => <td class="cell-number">{ml.etats[etat]}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </DsfrTable>
            </section>
          )}
        </Show>
      </Suspense>
    </QueryBoundary>
  );
}
