import { createAsync } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show, type JSX } from "solid-js";
import type { DownloadFile, DownloadFormat } from "../../download";
import { formatDate } from "../../format";
import { statutLabel } from "../../../../worker/domain/labels";
import { INDICATEUR_LABELS } from "./types";
import type { ApprenantListe } from "../../../../worker/domain/indicateurs-organisme";
import type { Indicateur } from "../../../../worker/domain/indicators";
import { Pagination } from "../Pagination";
import { DownloadButtons } from "../DownloadButtons";
import { QueryBoundary } from "../Errors";
import { DsfrTable } from "../DsfrTable";

const PAGE_SIZE = 50;

/** A learner's contract at the date, in one line: "Aucun", else its employer, its period and its rupture. */
function contratLabel(row: ApprenantListe): string {
  const c = row.contrat;
  if (!c) return "Aucun";
  const periode = `du ${formatDate(c.dateDebut)}${c.dateFin ? ` au ${formatDate(c.dateFin)}` : ""}`;
  return [
    c.siretEmployeur && `SIRET ${c.siretEmployeur}`,
    periode,
    c.dateRupture && `rompu le ${formatDate(c.dateRupture)}`,
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * A nominative list's section: its title (focused when a list opens), "Fermer la liste", the count, the downloads,
 * the table of learners and its pagination. `lire` reads one page; another `cle` starts again at page 1.
 */
export function ListeApprenants<R extends ApprenantListe>(props: {
  indicateur: Indicateur;
  date: string;
  cle: unknown;
  lire: (taille: number, page: number) => Promise<{ total: number; rows: R[] }>;
  download: (format: DownloadFormat) => Promise<DownloadFile>;
  onClose: () => void;
  /** a line under the title, above the list */
  avertissement?: JSX.Element;
  /** an "Organisme" column after the date of birth */
  organisme?: (row: R) => JSX.Element;
}) {
  const [page, setPage] = createSignal(1);
  const liste = createAsync(() => props.lire(PAGE_SIZE, page()));
  const total = () => liste.latest?.total ?? 0;
  const pages = () => Math.max(1, Math.ceil(total() / PAGE_SIZE));
  createEffect(
    on(
      () => props.cle,
      () => setPage(1),
      { defer: true },
    ),
  );
  let heading: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.indicateur,
      () => heading?.focus(),
    ),
  );
  const titre = () => `Liste nominative : ${INDICATEUR_LABELS[props.indicateur]} au ${formatDate(props.date)}`;

  return (
    <section class="fr-mt-4w" aria-labelledby="liste-titre" id="liste-nominative">
      <div class="fr-grid-row fr-grid-row--middle fr-mb-1w">
        <h3 class="fr-h5 fr-col fr-mb-0" id="liste-titre" tabindex="-1" ref={heading}>
          {titre()}
        </h3>
        <button
          type="button"
          class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line fr-btn--icon-left"
          onClick={() => props.onClose()}
        >
          Fermer la liste
        </button>
      </div>
      {props.avertissement}
      <QueryBoundary queries={[liste]}>
        <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
          <p class="fr-col fr-mb-0" aria-live="polite">
            {total()} apprenant{total() > 1 ? "s" : ""}
          </p>
          <DownloadButtons label="Télécharger" file={props.download} small />
        </div>
        <DsfrTable caption={titre()} class="table-scroll" busy={liste.latest === undefined} focusable srOnlyCaption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Prénom</th>
              <th scope="col">Date de naissance</th>
              <Show when={props.organisme}>
                <th scope="col">Organisme</th>
              </Show>
              <th scope="col">Formation</th>
              <th scope="col">Statut</th>
              <th scope="col">Depuis le</th>
              <th scope="col">Contrat</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={liste.latest?.rows ?? []}
              fallback={
                <tr>
                  <td colSpan={props.organisme ? 8 : 7}>
                    {liste.latest === undefined ? "Chargement…" : "Aucun apprenant."}
                  </td>
                </tr>
              }
            >
              {(row) => (
                <tr>
                  <th scope="row">{row.nom}</th>
                  <td>{row.prenom}</td>
                  <td>{formatDate(row.dateDeNaissance)}</td>
                  <Show when={props.organisme}>{(organisme) => <td>{organisme()(row)}</td>}</Show>
                  <td>{row.formation}</td>
                  <td>{statutLabel(row.statut)}</td>
                  <td>{formatDate(row.depuis)}</td>
                  <td>{contratLabel(row)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </DsfrTable>
        <Pagination page={page()} pages={pages()} label="Pagination de la liste" onPage={setPage} />
      </QueryBoundary>
    </section>
  );
}
