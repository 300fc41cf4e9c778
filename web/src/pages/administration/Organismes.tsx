import { A, createAsync, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { QueryBoundary } from "../../components/Errors";
import { formatDateTime } from "../../format";
import { getOrganismesAdmin } from "../../queries-administration";
import { DsfrTable } from "../../components/DsfrTable";

const MODES: Record<string, string> = { api: "ERP (clé d'échange)", manuel: "Fichier" };

/** The organismes of the whole référentiel, by UAI, SIRET or name; each opens its support view. */
export default function OrganismesAdmin() {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const [q, setQ] = createSignal(params.q ?? "");
  const resultats = createAsync(async () => (params.q ? getOrganismesAdmin(params.q) : undefined));
  return (
    <div>
      <h1>Organismes</h1>
      <form
        class="fr-mb-3w"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: q().trim() || undefined });
        }}
      >
        <div class="fr-search-bar" id="recherche-organisme-admin">
          <label class="fr-label" for="recherche-organisme">
            UAI, SIRET ou nom de l'organisme
          </label>
          <input
            class="fr-input"
            id="recherche-organisme"
            type="search"
            placeholder="UAI, SIRET ou nom de l'organisme"
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit" class="fr-btn" title="Rechercher">
            Rechercher
          </button>
        </div>
      </form>
      <QueryBoundary queries={[resultats]}>
        <Show when={resultats.latest}>
          {(data) => (
            <Show
              when={data().organismes.length > 0}
              fallback={<p id="aucun-organisme">Aucun organisme ne correspond à « {params.q} ».</p>}
            >
              <Show when={data().tronque}>
                <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                  <p>Seuls les {data().organismes.length} premiers résultats sont affichés : précisez la recherche.</p>
                </div>
              </Show>
              <DsfrTable
                caption="Organismes trouvés"
                class="fr-table--no-caption table-scroll"
                tableId="table-organismes-admin"
              >
                <thead>
                  <tr>
                    <th scope="col">Organisme</th>
                    <th scope="col">UAI</th>
                    <th scope="col">SIRET</th>
                    <th scope="col">Commune</th>
                    <th scope="col">Transmission</th>
                    <th scope="col">Dernière transmission</th>
                    <th scope="col">Utilisateurs</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().organismes}>
                    {(o) => (
                      <tr data-organisme={o.id}>
                        <td>
                          <A href={`/administration/organismes/${o.id}`}>{o.enseigne ?? o.raisonSociale}</A>
                          <Show when={o.enseigne}>
                            <br />
                            <span class="fr-text--xs">{o.raisonSociale}</span>
                          </Show>
                        </td>
                        <td>{o.uai ?? "—"}</td>
                        <td>{o.siret}</td>
                        <td>
                          {o.commune ?? ""}
                          {o.departement ? ` (${o.departement})` : ""}
                        </td>
                        <td>{o.modeTransmission ? MODES[o.modeTransmission] : "Non paramétrée"}</td>
                        <td>{o.lastTransmissionAt ? formatDateTime(o.lastTransmissionAt) : "Jamais"}</td>
                        <td>{o.utilisateurs}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </DsfrTable>
            </Show>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}
