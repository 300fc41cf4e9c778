import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getTransmission } from "../../queries";
import { QueryBoundary } from "../Errors";
import { formatDateTime } from "../../format";
import type { TransmissionResume } from "../../../../worker/domain/transmissions-historique";
import { DsfrTable } from "../DsfrTable";

/** The invalid dossiers of one push, each with every error, fetched when asked for. */
export function ErreursTransmission(props: { organismeId: string; transmission: TransmissionResume }) {
  const detail = createAsync(() => getTransmission(props.organismeId, props.transmission.id));
  const remplaces = () => props.transmission.invalid - (detail.latest?.dossiersInvalides.length ?? 0);
  return (
    <div class="fr-mt-1w fr-mb-2w" id={`erreurs-${props.transmission.id}`}>
      <QueryBoundary queries={[detail]}>
        <Show when={detail.latest} fallback={<p>Chargement…</p>}>
          {(d) => (
            <>
              <Show when={remplaces() > 0}>
                <p class="fr-text--sm fr-mb-1w">
                  {remplaces()} dossier{remplaces() > 1 ? "s" : ""} invalide{remplaces() > 1 ? "s" : ""} de cet envoi{" "}
                  {remplaces() > 1 ? "ont" : "a"} été renvoyé{remplaces() > 1 ? "s" : ""} depuis : voir les
                  transmissions suivantes.
                </p>
              </Show>
              <Show when={d().dossiersInvalides.length > 0}>
                <DsfrTable
                  caption={
                    <>Dossiers invalides de la transmission du {formatDateTime(props.transmission.receivedAt)}</>
                  }
                  class="table-scroll"
                  focusable
                >
                  <thead>
                    <tr>
                      <th scope="col">Apprenant</th>
                      <th scope="col">Formation</th>
                      <th scope="col">Identifiant ERP</th>
                      <th scope="col">Erreurs</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().dossiersInvalides}>
                      {(dossier) => (
                        <tr>
                          <th scope="row">
                            {[dossier.nom, dossier.prenom].filter(Boolean).join(" ") || "Apprenant non identifié"}
                          </th>
                          <td>{dossier.formation}</td>
                          <td>{dossier.idErpApprenant}</td>
                          <td>
                            <ul class="fr-mb-0">
                              <For each={dossier.erreurs}>
                                {(e) => (
                                  <li>
                                    <code>{e.path || "dossier"}</code> : {e.message}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </DsfrTable>
              </Show>
            </>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}
