import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getTransmissionsDuJour } from "../../queries";
import { QueryBoundary } from "../Errors";
import { formatDate, formatDateTime } from "../../format";
import { ErreursTransmission } from "./ErreursTransmission";
import { DsfrTable } from "../DsfrTable";

const SOURCES: Record<string, string> = { erp: "ERP", fichier: "Fichier" };

/** The pushes of one day, each of them opening its errors on demand. */
export function TransmissionsDuJour(props: { organismeId: string; date: string }) {
  const [ouverte, setOuverte] = createSignal<string | null>(null);
  const jour = createAsync(() => getTransmissionsDuJour(props.organismeId, props.date));
  return (
    <div class="fr-mt-1w fr-mb-3w" id={`jour-${props.date}`}>
      <QueryBoundary queries={[jour]}>
        {/* on a phone, each push's cells one under the other (under their headers' names): "Voir les erreurs" in view */}
        <DsfrTable
          caption={<>Transmissions du {formatDate(props.date)}</>}
          class="table-scroll table-empilee"
          focusable
        >
          <thead>
            <tr>
              <th scope="col">Heure</th>
              <th scope="col">Source</th>
              <th scope="col" class="cell-number">
                Reçus
              </th>
              <th scope="col" class="cell-number">
                Créés
              </th>
              <th scope="col" class="cell-number">
                Mis à jour
              </th>
              <th scope="col" class="cell-number">
                Inchangés
              </th>
              <th scope="col" class="cell-number">
                En attente
              </th>
              <th scope="col" class="cell-number">
                Invalides
              </th>
              <th scope="col">Erreurs</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={jour.latest?.transmissions ?? []}
              fallback={
                <tr>
                  <td colSpan={9}>{jour.latest === undefined ? "Chargement…" : "Aucune transmission."}</td>
                </tr>
              }
            >
              {(t) => (
                <>
                  <tr>
                    <th scope="row">{formatDateTime(t.receivedAt)}</th>
                    <td data-label="Source">{SOURCES[t.source] ?? t.source}</td>
                    <td class="cell-number" data-label="Reçus">
                      {t.total}
                    </td>
                    <td class="cell-number" data-label="Créés">
                      {t.created}
                    </td>
                    <td class="cell-number" data-label="Mis à jour">
                      {t.updated}
                    </td>
                    <td class="cell-number" data-label="Inchangés">
                      {t.unchanged}
                    </td>
                    <td class="cell-number" data-label="En attente">
                      {t.held}
                    </td>
                    <td class="cell-number" data-label="Invalides">
                      {t.invalid}
                    </td>
                    <td data-label="Erreurs">
                      <Show when={t.invalid > 0} fallback="—">
                        <button
                          type="button"
                          class="fr-btn fr-btn--tertiary fr-btn--sm"
                          aria-expanded={ouverte() === t.id}
                          aria-controls={`erreurs-${t.id}`}
                          onClick={() => setOuverte(ouverte() === t.id ? null : t.id)}
                        >
                          {ouverte() === t.id ? "Masquer les erreurs" : "Voir les erreurs"}
                        </button>
                      </Show>
                    </td>
                  </tr>
                  <Show when={ouverte() === t.id}>
                    <tr>
                      <td colSpan={9}>
                        <ErreursTransmission organismeId={props.organismeId} transmission={t} />
                      </td>
                    </tr>
                  </Show>
                </>
              )}
            </For>
          </tbody>
        </DsfrTable>
      </QueryBoundary>
    </div>
  );
}
