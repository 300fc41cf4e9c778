import { A, createAsync } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import "../components/indicateurs/indicateurs.css";
import { anneeScolaireOf } from "../../../worker/domain/annee-scolaire";
import { todayParis } from "../../../worker/domain/dates";
import {
  CHAMPS_OBLIGATOIRES_SIFA,
  COLONNES_SIFA_OBLIGATOIRES,
  csvSifa,
  type FichierSifa,
} from "../../../worker/domain/sifa-fichier";
import { formatDate } from "../format";
import { Pagination } from "../components/Pagination";
import { DownloadButtons } from "../components/DownloadButtons";
import { EtatDirect } from "../components/EtatDirect";
import { QueryBoundary } from "../components/Errors";
import type { DownloadFile, DownloadFormat } from "../download";
import { useOrganismeLive } from "../live";
import { exportSifa, getEnqueteSifa } from "../queries";
import { useUser } from "../session";
import { DsfrTable } from "../components/DsfrTable";

/** The current school year and the four before it: the surveys an OFA may still have to send or check. */
const ANNEES_PROPOSEES = 5;
const PAGE_SIZE = 50;

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

export default function Sifa() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Mon enquête SIFA</h1>
      <Switch
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>L'enquête SIFA concerne les organismes de formation.</p>
          </div>
        }
      >
        <Match when={user().organismeId}>{(id) => <EnqueteOrganisme organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

/** The SIFA file: CSV as the survey imports it (no header), or XLSX with the header on a sheet "Data". */
function fichierSifa(fichier: FichierSifa, format: DownloadFormat): DownloadFile {
  const filename = `sifa-${fichier.uai ?? "sans-uai"}-${fichier.anneeScolaire}.${format}`;
  return format === "csv"
    ? { filename, csv: csvSifa(fichier.lignes) }
    : // Strings stay text cells: codes, SIRET and JJMMAAAA dates keep their leading zeros.
      { filename, sheets: [{ name: "Data", header: fichier.colonnes, rows: fichier.lignes }] };
}

function EnqueteOrganisme(props: { organismeId: string }) {
  const courante = anneeScolaireOf(todayParis());
  const rentree = Number(courante.slice(0, 4));
  const annees = Array.from({ length: ANNEES_PROPOSEES }, (_, i) => `${rentree - i}-${rentree - i + 1}`);
  const [annee, setAnnee] = createSignal(courante);
  const [page, setPage] = createSignal(1);
  const live = useOrganismeLive(props.organismeId);
  const enquete = createAsync(() => getEnqueteSifa(props.organismeId, annee()));
  createEffect(on(annee, () => setPage(1), { defer: true }));
  const incomplets = () => enquete.latest?.incomplets ?? [];
  const pages = () => Math.max(1, Math.ceil(incomplets().length / PAGE_SIZE));
  // A push may shorten the list under the reader: stay on a page that exists.
  const pageCourante = () => Math.min(page(), pages());
  const pageIncomplets = () => incomplets().slice((pageCourante() - 1) * PAGE_SIZE, pageCourante() * PAGE_SIZE);

  const download = async (format: DownloadFormat) =>
    fichierSifa(await exportSifa(props.organismeId, annee(), format), format);

  return (
    <>
      <EtatDirect live={live} />
      <p>
        Le fichier de l'enquête SIFA recense vos apprentis et vos rupturants au 31 décembre de l'année de la rentrée,
        organismes formateurs compris. Téléchargez-le puis déposez-le sur la plateforme de l'enquête.
      </p>
      <div class="fr-select-group fr-col-12 fr-col-md-4 fr-px-0">
        <label class="fr-label" for="annee-sifa">
          Année scolaire
        </label>
        <select class="fr-select" id="annee-sifa" value={annee()} onChange={(e) => setAnnee(e.currentTarget.value)}>
          <For each={annees}>{(a) => <option value={a}>{a}</option>}</For>
        </select>
      </div>

      <QueryBoundary queries={[enquete]}>
        <section aria-labelledby="fichier-sifa-titre" class="fr-mt-2w">
          <h2 class="fr-h4" id="fichier-sifa-titre">
            Enquête au {formatDate(enquete.latest?.dateEnquete ?? `${annee().slice(0, 4)}-12-31`)}
          </h2>
          <Show when={enquete.latest} fallback={<p>Chargement…</p>}>
            {(e) => (
              <p class="fr-text--lg fr-mb-2w" aria-live="polite" id="total-sifa">
                <strong>{pluriel(e().total, "apprenant")}</strong> dans le fichier (apprentis et rupturants au{" "}
                {formatDate(e().dateEnquete)})
              </p>
            )}
          </Show>
          <DownloadButtons label="Télécharger le fichier SIFA" file={download} primaryCsv />
        </section>

        <section aria-labelledby="incomplets-titre" class="fr-mt-4w">
          <h2 class="fr-h4" id="incomplets-titre">
            Dossiers incomplets
          </h2>
          <Show when={enquete.latest}>
            {(e) => (
              <Show
                when={e().incomplets.length > 0}
                fallback={
                  <div class="fr-alert fr-alert--success fr-alert--sm">
                    <p>Aucun champ obligatoire ne manque : l'enquête est complète.</p>
                  </div>
                }
              >
                <p aria-live="polite">
                  {pluriel(e().incomplets.length, "apprenant")} sur {e().total} : des champs obligatoires de l'enquête
                  manquent. Complétez-les dans votre ERP puis renvoyez les dossiers ; cette liste se met à jour dès leur
                  réception (voir aussi <A href="/effectifs">Mes effectifs</A>).
                </p>
                <DsfrTable
                  caption="Apprenants dont des champs obligatoires de l'enquête SIFA manquent"
                  class="table-scroll"
                  id="table-sifa-incomplets"
                  busy={enquete.latest === undefined}
                  focusable
                  srOnlyCaption
                >
                  <thead>
                    <tr>
                      <th scope="col">Apprenant</th>
                      <th scope="col">Formation</th>
                      <th scope="col">Colonnes manquantes</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={pageIncomplets()}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            {row.nom} {row.prenom}
                          </th>
                          <td>{row.formation ?? ""}</td>
                          <td>{row.manquants.join(", ")}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </DsfrTable>
                <Pagination
                  page={pageCourante()}
                  pages={pages()}
                  label="Pagination des dossiers incomplets"
                  onPage={setPage}
                />
              </Show>
            )}
          </Show>
          <details class="fr-mt-2w">
            <summary>Colonnes obligatoires et champs de l'ERP qui les renseignent</summary>
            <DsfrTable
              caption="Colonnes obligatoires de l'enquête SIFA et champs des dossiers apprenants correspondants"
              class="table-scroll fr-mt-1w"
              focusable
              srOnlyCaption
            >
              <thead>
                <tr>
                  <th scope="col">Colonne SIFA</th>
                  <th scope="col">Champ du dossier apprenant</th>
                </tr>
              </thead>
              <tbody>
                <For each={COLONNES_SIFA_OBLIGATOIRES}>
                  {(colonne) => (
                    <tr>
                      <th scope="row">{colonne}</th>
                      <td>
                        <code>{CHAMPS_OBLIGATOIRES_SIFA[colonne]}</code>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </DsfrTable>
          </details>
        </section>
      </QueryBoundary>
    </>
  );
}
