import { useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { api, errorMessage } from "../api";
import { RequireUser } from "../components/RequireUser";
import { NotYetBuilt } from "../components/NotYetBuilt";
import { DossierDetail } from "../components/effectifs/DossierDetail";
import { EtatDossier } from "../components/effectifs/EtatDossier";
import { downloadRapport } from "../components/effectifs/download";
import { COLUMNS, type ColumnKey, type EffectifsPage } from "../components/effectifs/types";
import { onLiveMessage, useLive } from "../live";
import { Pagination } from "../components/Pagination";
import { DownloadButtons, type DownloadFormat } from "../components/DownloadButtons";

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

export default function Effectifs() {
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Mes effectifs</h1>
      <RequireUser>
        {(user) => (
          <Switch fallback={<NotYetBuilt title="Effectifs de votre territoire" />}>
            <Match when={user.organismeId}>{(id) => <EffectifsTable organismeId={id()} />}</Match>
          </Switch>
        )}
      </RequireUser>
    </div>
  );
}

function EffectifsTable(props: { organismeId: string }) {
  const [searchParams] = useSearchParams();
  const [search, setSearch] = createStore<Partial<Record<ColumnKey, string>>>({
    etat: typeof searchParams.etat === "string" ? searchParams.etat : "",
  });
  const [query, setQuery] = createSignal({ ...search, page: 1 });
  const [selected, setSelected] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const params = (q: Record<string, string | number | undefined>) =>
    new URLSearchParams(
      Object.entries(q)
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    ).toString();

  const [page, { refetch }] = createResource(query, (q) =>
    api<EffectifsPage>(`/api/organismes/${props.organismeId}/effectifs?${params({ ...q, taille: PAGE_SIZE })}`),
  );
  const pages = createMemo(() => Math.max(1, Math.ceil((page.latest?.total ?? 0) / PAGE_SIZE)));

  // New or changed rows appear while the ERP pushes.
  const live = useLive(props.organismeId);
  onLiveMessage(live, (message) => message.type !== "connection" && refetch());

  const onSearch = (key: ColumnKey, value: string) => {
    setSearch(key, value);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery({ ...search, page: 1 }), SEARCH_DELAY_MS);
  };
  const goTo = (n: number) => setQuery({ ...query(), page: Math.min(Math.max(1, n), pages()) });

  const download = async (format: DownloadFormat) => {
    const all = await api<EffectifsPage>(
      `/api/organismes/${props.organismeId}/effectifs/export?${params({ ...search, format })}`,
    );
    await downloadRapport(all.rows, format);
  };

  return (
    <>
      <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <p class="fr-col fr-text--lead fr-mb-0" id="nombre-dossiers" aria-live="polite">
          {page.latest?.total ?? 0} Dossiers apprenants
        </p>
        <DownloadButtons label="Télécharger le rapport complet" onDownload={download} />
      </div>
      <Show when={page.error}>
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
          <p>{errorMessage(page.error)}</p>
        </div>
      </Show>
      <Show when={selected()}>
        {(id) => <DossierDetail organismeId={props.organismeId} effectifId={id()} onClose={() => setSelected(null)} />}
      </Show>
      <div class="fr-table table-scroll effectifs-table">
        <table id="table-effectifs" aria-busy={page.loading} tabindex="0">
          <caption class="fr-sr-only">Dossiers apprenants transmis, avec leur état</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <For each={COLUMNS}>{(column) => <th scope="col">{column.label}</th>}</For>
            </tr>
            <tr>
              <td />
              <For each={COLUMNS}>
                {(column) => (
                  <td>
                    <input
                      class="fr-input fr-input--sm"
                      type="search"
                      placeholder="recherche"
                      aria-label={`Rechercher par ${column.label.toLowerCase()}`}
                      value={search[column.key] ?? ""}
                      onInput={(e) => onSearch(column.key, e.currentTarget.value)}
                    />
                  </td>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For
              each={page.latest?.rows ?? []}
              fallback={
                <tr>
                  <td colSpan={8}>{page.loading ? "Chargement…" : "Aucun dossier."}</td>
                </tr>
              }
            >
              {(row, i) => (
                <tr data-etat={row.etat}>
                  <td>{(query().page - 1) * PAGE_SIZE + i() + 1}</td>
                  <td>{row.formation}</td>
                  <td>
                    <Show when={row.effectifId} fallback={row.apprenant}>
                      {(id) => (
                        <button type="button" class="fr-link" onClick={() => setSelected(id())}>
                          {row.apprenant}
                        </button>
                      )}
                    </Show>
                  </td>
                  <td>{row.statut}</td>
                  <td>{row.employeur}</td>
                  <td>{row.debut}</td>
                  <td>{row.fin}</td>
                  <td>
                    <EtatDossier row={row} index={i()} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Pagination page={query().page} pages={pages()} label="Pagination des dossiers apprenants" onPage={goTo} />
    </>
  );
}
