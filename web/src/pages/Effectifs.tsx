import { createAsync, useSearchParams } from "@solidjs/router";
import { FilAriane, TABLEAU_DE_BORD } from "../components/FilAriane";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { NotYetBuilt } from "../components/NotYetBuilt";
import { DossierDetail } from "../components/effectifs/DossierDetail";
import { DoublonsATraiter } from "../components/dashboard/DoublonsATraiter";
import { EtatDossier } from "../components/effectifs/EtatDossier";
import { MissionLocaleEffectif } from "../components/missions-locales/MissionLocaleEffectif";
import {
  COLUMNS,
  libelleApprenant,
  libelleFormation,
  type ColumnKey,
  type SortKey,
} from "../components/effectifs/types";
import type { EffectifListRow } from "../../../worker/domain/effectifs-liste";
import { useOrganismeLive } from "../live";
import { Pagination } from "../components/Pagination";
import { DownloadButtons } from "../components/DownloadButtons";
import { QueryBoundary } from "../components/Errors";
import type { DownloadFile, DownloadFormat } from "../download";
import { exportEffectifs, getEffectifs, getFormateurs, getOrganisme } from "../queries";
import { dateParis } from "../components/transmission/dates";
import { useUser } from "../session";
import { RAPPORT_COLUMNS, toCsv } from "../../../worker/domain/rapport-transmission";
import { DsfrTable } from "../components/DsfrTable";

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

export default function Effectifs() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane parents={[TABLEAU_DE_BORD]} page="Mes effectifs" />
      <h1 class="fr-h3">Mes effectifs</h1>
      <Switch fallback={<NotYetBuilt title="Effectifs de votre territoire" />}>
        <Match when={user().organismeId}>{(id) => <EffectifsTable organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

/** "Télécharger le rapport complet": the rows as a CSV (French spreadsheets) or an XLSX. */
function rapport(rows: EffectifListRow[], format: DownloadFormat): DownloadFile {
  const filename = `rapport-transmission-${new Date().toISOString().slice(0, 10)}.${format}`;
  const lines = rows.map((row, i) => [
    String(i + 1),
    libelleFormation(row),
    libelleApprenant(row),
    row.statut ?? "",
    row.employeur ?? "",
    row.debut ?? "",
    row.fin ?? "",
    row.etat,
    row.erreurs.map((e) => `${e.path} : ${e.message}`).join(" ; "),
  ]);
  return format === "csv"
    ? { filename, csv: toCsv(RAPPORT_COLUMNS, lines) }
    : {
        filename,
        sheets: [
          {
            name: "Rapport de transmission",
            header: RAPPORT_COLUMNS,
            rows: lines,
            widths: [6, 40, 28, 16, 18, 12, 12, 26, 60],
          },
        ],
      };
}

function EffectifsTable(props: { organismeId: string }) {
  const [searchParams] = useSearchParams();
  const [search, setSearch] = createStore<Partial<Record<ColumnKey, string>>>({
    etat: typeof searchParams.etat === "string" ? searchParams.etat : "",
  });
  const [tri, setTri] = createSignal<{ tri: SortKey; ordre: "asc" | "desc" }>({ tri: "apprenant", ordre: "asc" });
  const [formateur, setFormateur] = createSignal("");
  const [query, setQuery] = createSignal({ ...search, page: 1 });
  /** the searches, the organisme formateur and the sort, as the API takes them */
  const params = () => ({ ...query(), formateur: formateur() || undefined, ...tri() });
  const [selected, setSelected] = createSignal<string | null>(null);
  /** back to the row's button when the dossier closes (found again: a live update may have redrawn the rows) */
  const fermer = () => {
    const id = selected();
    setSelected(null);
    document.querySelector<HTMLButtonElement>(`button[data-effectif="${id}"]`)?.focus();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const page = createAsync(() => getEffectifs(props.organismeId, { ...params(), taille: PAGE_SIZE }));
  const organisme = createAsync(() => getOrganisme(props.organismeId));
  const formateurs = createAsync(() => getFormateurs(props.organismeId));
  /** the column and filter "Organisme formateur", for an organisme with formateurs */
  const avecFormateurs = () => (formateurs.latest?.length ?? 0) > 1;
  const colonnes = () =>
    avecFormateurs()
      ? [...COLUMNS.slice(0, 2), { key: "organisme" as const, label: "Organisme formateur" }, ...COLUMNS.slice(2)]
      : COLUMNS;
  const trier = (key: SortKey) => {
    setTri((t) => ({ tri: key, ordre: t.tri === key && t.ordre === "asc" ? "desc" : "asc" }));
    setQuery({ ...query(), page: 1 });
  };
  const pages = () => Math.max(1, Math.ceil((page.latest?.total ?? 0) / PAGE_SIZE));

  // New or changed rows appear while the ERP pushes.
  useOrganismeLive(props.organismeId);

  const onSearch = (key: ColumnKey, value: string) => {
    setSearch(key, value);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery({ ...search, page: 1 }), SEARCH_DELAY_MS);
  };
  const goTo = (n: number) => setQuery({ ...query(), page: Math.min(Math.max(1, n), pages()) });

  const download = async (format: DownloadFormat) =>
    rapport(
      (
        await exportEffectifs(props.organismeId, {
          ...search,
          formateur: formateur() || undefined,
          ...tri(),
          format,
        })
      ).rows,
      format,
    );

  return (
    <QueryBoundary queries={[page]}>
      <p class="fr-mb-1w" id="derniere-transmission">
        Dernière transmission vers TBA :{" "}
        {organisme.latest?.lastTransmissionAt ? dateParis(organisme.latest.lastTransmissionAt) : "aucune"}
      </p>
      <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
        <p class="fr-col fr-text--lead fr-mb-0" id="nombre-dossiers" aria-live="polite" tabindex="-1">
          {page.latest?.total ?? 0} Dossiers apprenants
        </p>
        <DownloadButtons label="Télécharger le rapport complet" file={download} />
      </div>
      <DoublonsATraiter doublons={organisme.latest?.doublonsATraiter ?? 0} />
      <Show when={selected()}>
        {(id) => (
          <DossierDetail
            organismeId={props.organismeId}
            effectifId={id()}
            onClose={fermer}
            onDeleted={() => {
              setSelected(null);
              document.getElementById("nombre-dossiers")?.focus();
            }}
          />
        )}
      </Show>
      <DsfrTable
        caption="Dossiers apprenants transmis, avec leur état"
        class="table-scroll effectifs-table"
        tableId="table-effectifs"
        busy={page.latest === undefined}
        focusable
        srOnlyCaption
      >
        <thead>
          <tr>
            <th scope="col">N°</th>
            <For each={colonnes()}>
              {(column) => (
                <th
                  scope="col"
                  aria-sort={
                    tri().tri === column.key ? (tri().ordre === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  <button
                    type="button"
                    class="tri-colonne"
                    data-tri={column.key}
                    title={`Trier par ${column.label.toLowerCase()}`}
                    onClick={() => trier(column.key)}
                  >
                    {column.label}
                    <span
                      aria-hidden="true"
                      class={
                        tri().tri !== column.key
                          ? "tri-icone fr-icon-arrow-up-down-line fr-icon--sm"
                          : tri().ordre === "asc"
                            ? "tri-icone fr-icon-arrow-up-line fr-icon--sm"
                            : "tri-icone fr-icon-arrow-down-line fr-icon--sm"
                      }
                    />
                  </button>
                </th>
              )}
            </For>
          </tr>
          <tr>
            <td />
            <For each={colonnes()}>
              {(column) => (
                <td>
                  <Show
                    when={column.key !== "organisme"}
                    fallback={
                      <select
                        class="fr-select fr-select--sm"
                        id="filtre-formateur"
                        aria-label="Filtrer par organisme formateur"
                        value={formateur()}
                        onChange={(e) => {
                          setFormateur(e.currentTarget.value);
                          setQuery({ ...query(), page: 1 });
                        }}
                      >
                        <option value="">Tous</option>
                        <For each={formateurs.latest ?? []}>
                          {(o) => (
                            <option value={o.id}>
                              {o.nom}
                              {o.uai ? ` (${o.uai})` : ""}
                            </option>
                          )}
                        </For>
                      </select>
                    }
                  >
                    <input
                      class="fr-input fr-input--sm"
                      type="search"
                      placeholder="recherche"
                      aria-label={`Rechercher par ${column.label.toLowerCase()}`}
                      value={search[column.key as ColumnKey] ?? ""}
                      onInput={(e) => onSearch(column.key as ColumnKey, e.currentTarget.value)}
                    />
                  </Show>
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
                <td colSpan={colonnes().length + 1}>{page.latest === undefined ? "Chargement…" : "Aucun dossier."}</td>
              </tr>
            }
          >
            {(row, i) => (
              <tr data-etat={row.etat}>
                <td>{(query().page - 1) * PAGE_SIZE + i() + 1}</td>
                <td>{libelleFormation(row)}</td>
                <td>
                  <Show when={row.effectifId} fallback={libelleApprenant(row)}>
                    {(id) => (
                      <button type="button" class="fr-link" data-effectif={id()} onClick={() => setSelected(id())}>
                        {libelleApprenant(row)}
                      </button>
                    )}
                  </Show>
                </td>
                <Show when={avecFormateurs()}>
                  <td>{row.organisme}</td>
                </Show>
                <td>
                  {row.statut}
                  <MissionLocaleEffectif
                    suivi={row.effectifId ? page.latest?.missionsLocales[row.effectifId] : undefined}
                  />
                </td>
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
      </DsfrTable>
      <Pagination page={query().page} pages={pages()} label="Pagination des dossiers apprenants" onPage={goTo} />
    </QueryBoundary>
  );
}
