import { createResource, For, Show } from "solid-js";
import { api } from "../../api";
import { AUDIT_ACTION_LABELS, type AuditView } from "../../../../worker/domain/transmission-view";
import { dateTimeParis } from "./dates";

/** Who did what, when, in the procedure (refetched whenever `version` changes). */
export function AuditLog(props: { organismeId: string; version: number }) {
  const [entries] = createResource(
    () => [props.organismeId, props.version] as const,
    ([id]) => api<{ entries: AuditView[] }>(`/api/organismes/${id}/audit`).then((r) => r.entries),
  );
  return (
    <section class="fr-mt-6w" aria-labelledby="historique-titre">
      <h2 id="historique-titre" class="fr-h5">
        Historique du paramétrage
      </h2>
      <Show when={entries.latest} fallback={<p>Chargement…</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>Aucune opération pour le moment.</p>}>
            <div class="fr-table fr-table--sm">
              <div class="fr-table__wrapper">
                <div class="fr-table__container" tabindex="0">
                  <div class="fr-table__content">
                    <table id="historique">
                      <caption class="fr-sr-only">Historique du paramétrage de la transmission</caption>
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Par</th>
                          <th scope="col">Opération</th>
                          <th scope="col">Détail</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={list()}>
                          {(entry) => (
                            <tr>
                              <td>{dateTimeParis(entry.at)}</td>
                              <td>{entry.actor}</td>
                              <td>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
                              <td>{entry.detail}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </div>
              </div>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}
