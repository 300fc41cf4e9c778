import { createAsync } from "@solidjs/router";
import { createEffect, createSignal, For, on } from "solid-js";
import type { DownloadFile, DownloadFormat } from "../../download";
import { formatDate } from "../../format";
import { exportListePerimetre, getListePerimetre, type FiltresPerimetre } from "../../queries-indicateurs-perimetre";
import { statutLabel } from "../../../../worker/domain/labels";
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import { INDICATEUR_LABELS } from "./types";
import type { ApprenantPerimetre, ListePerimetre } from "../../../../worker/domain/indicateurs-territoire";
import type { Indicateur } from "../../../../worker/domain/indicators";
import { Pagination } from "../Pagination";
import { DownloadButtons } from "../DownloadButtons";
import { QueryBoundary } from "../Errors";

const PAGE_SIZE = 50;

function contrat(row: ApprenantPerimetre): string {
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

const COLONNES = [
  "Organisme",
  "UAI",
  "Nom",
  "Prénom",
  "Date de naissance",
  "Formation",
  "CFD",
  "Statut",
  "Depuis le",
  "Employeur (SIRET)",
  "Début du contrat",
  "Fin du contrat",
  "Rupture du contrat",
];

/** "Télécharger (CSV)" / "(XLSX)" of a perimeter's list: an organisme's columns, and which organisme trains whom. */
function fichierListe(liste: ListePerimetre, format: DownloadFormat): DownloadFile {
  const filename = `${liste.indicateur}-perimetre-${liste.date}.${format}`;
  const lignes = liste.rows.map((r) => [
    r.organisme,
    r.uai ?? "",
    r.nom,
    r.prenom,
    formatDate(r.dateDeNaissance),
    r.formation ?? "",
    r.cfd ?? "",
    statutLabel(r.statut),
    formatDate(r.depuis),
    r.contrat?.siretEmployeur ?? "",
    formatDate(r.contrat?.dateDebut),
    formatDate(r.contrat?.dateFin),
    formatDate(r.contrat?.dateRupture),
  ]);
  return format === "csv"
    ? { filename, csv: toCsv(COLONNES, lignes) }
    : {
        filename,
        sheets: [
          {
            name: INDICATEUR_LABELS[liste.indicateur].replace(/'/g, " ").slice(0, 31),
            header: COLONNES,
            rows: lignes,
            widths: [36, 10, 20, 18, 14, 40, 12, 16, 12, 18, 14, 14, 14],
            textColumns: [1, 6, 9],
            freezeHeader: true,
          },
        ],
      };
}

/** "Voir la liste" on a perimeter: the learners behind one counter at the date, with their organisme, paged. */
export function ListeNominativePerimetre(props: {
  filtres: FiltresPerimetre;
  indicateur: Indicateur;
  date: string;
  onClose: () => void;
}) {
  const [page, setPage] = createSignal(1);
  const base = () => [props.filtres, props.indicateur, props.date] as const;
  const liste = createAsync(() => getListePerimetre(...base(), PAGE_SIZE, page()));
  const total = () => liste.latest?.total ?? 0;
  const pages = () => Math.max(1, Math.ceil(total() / PAGE_SIZE));
  // Another counter, date or territory starts again at page 1; opening a list moves the focus to it.
  createEffect(on(base, () => setPage(1), { defer: true }));
  let heading: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.indicateur,
      () => heading?.focus(),
    ),
  );
  const titre = () => `Liste nominative : ${INDICATEUR_LABELS[props.indicateur]} au ${formatDate(props.date)}`;
  const download = async (format: DownloadFormat) =>
    fichierListe(await exportListePerimetre(...base(), format), format);

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
      <p class="fr-text--sm">Chaque consultation et chaque téléchargement de cette liste est enregistré.</p>
      <QueryBoundary queries={[liste]}>
        <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
          <p class="fr-col fr-mb-0" aria-live="polite">
            {total()} apprenant{total() > 1 ? "s" : ""}
          </p>
          <DownloadButtons label="Télécharger" file={download} small />
        </div>
        <div class="fr-table table-scroll">
          <table aria-busy={liste.latest === undefined} tabindex="0">
            <caption class="fr-sr-only">{titre()}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Prénom</th>
                <th scope="col">Date de naissance</th>
                <th scope="col">Organisme</th>
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
                    <td colSpan={8}>{liste.latest === undefined ? "Chargement…" : "Aucun apprenant."}</td>
                  </tr>
                }
              >
                {(row) => (
                  <tr>
                    <th scope="row">{row.nom}</th>
                    <td>{row.prenom}</td>
                    <td>{formatDate(row.dateDeNaissance)}</td>
                    <td>
                      {row.organisme}
                      {row.uai ? ` (${row.uai})` : ""}
                    </td>
                    <td>{row.formation}</td>
                    <td>{statutLabel(row.statut)}</td>
                    <td>{formatDate(row.depuis)}</td>
                    <td>{contrat(row)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Pagination page={page()} pages={pages()} label="Pagination de la liste" onPage={setPage} />
      </QueryBoundary>
    </section>
  );
}
