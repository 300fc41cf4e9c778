import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getTransmissionsDuJour } from "../../queries";
import { QueryBoundary } from "../Errors";
import { formatDate, formatDateTime } from "../../format";
import { ErreursTransmission } from "./ErreursTransmission";

const SOURCES: Record<string, string> = { erp: "ERP", fichier: "Fichier" };

/** The pushes of one day, each of them opening its errors on demand. */
export function TransmissionsDuJour(props: { organismeId: string; date: string }) {
  const [ouverte, setOuverte] = createSignal<string | null>(null);
  const jour = createAsync(() => getTransmissionsDuJour(props.organismeId, props.date));
  return (
    <div class="fr-mt-1w fr-mb-3w" id={`jour-${props.date}`}>
      <QueryBoundary queries={[jour]}>
        <div class="fr-table table-scroll">
          <table tabindex="0">
            <caption>Transmissions du {formatDate(props.date)}</caption>
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
                      <td>{SOURCES[t.source] ?? t.source}</td>
                      <td class="cell-number">{t.total}</td>
                      <td class="cell-number">{t.created}</td>
                      <td class="cell-number">{t.updated}</td>
                      <td class="cell-number">{t.unchanged}</td>
                      <td class="cell-number">{t.held}</td>
                      <td class="cell-number">{t.invalid}</td>
                      <td>
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
          </table>
        </div>
      </QueryBoundary>
    </div>
  );
}
