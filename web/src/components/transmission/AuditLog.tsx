import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getAudit } from "../../queries";
import { QueryBoundary } from "../Errors";
import { AUDIT_ACTION_LABELS } from "../../../../worker/domain/transmission-view";
import { dateTimeParis } from "./dates";
import { DsfrTable } from "../DsfrTable";

/** Who did what, when, in the procedure (revalidated with the transmission settings). */
export function AuditLog(props: { organismeId: string }) {
  const entries = createAsync(() => getAudit(props.organismeId));
  return (
    <section class="fr-mt-6w" aria-labelledby="historique-titre">
      <h2 id="historique-titre" class="fr-h5">
        Historique du paramétrage
      </h2>
      <QueryBoundary queries={[entries]}>
        <Show when={entries.latest} fallback={<p>Chargement…</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>Aucune opération pour le moment.</p>}>
              <DsfrTable
                caption="Historique du paramétrage de la transmission"
                class="fr-table--sm"
                tableId="historique"
                focusable
                dsfrMarkup
                srOnlyCaption
              >
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
              </DsfrTable>
            </Show>
          )}
        </Show>
      </QueryBoundary>
    </section>
  );
}
