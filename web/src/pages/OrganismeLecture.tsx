import { A, createAsync, useParams } from "@solidjs/router";
import { For, Show, Suspense } from "solid-js";
import { isAdministrator } from "../../../worker/domain/administrateur";
import { etatTransmissionOf } from "../../../worker/domain/perimetre-organismes";
import { Counters } from "../components/dashboard/Counters";
import { OrganismeCard } from "../components/dashboard/OrganismeCard";
import { QueryBoundary } from "../components/Errors";
import { EtatDirect } from "../components/EtatDirect";
import { EtatTransmission } from "../components/organismes/EtatTransmission";
import { CellulesTransmissionsJour, EnteteTransmissionsJour } from "../components/indicateurs/TransmissionsJour";
import "../components/indicateurs/indicateurs.css";
import { formatDate, formatDateTime } from "../format";
import { useOrganismeLive } from "../live";
import { getIndicateurs, getOrganisme, getTransmissionsParJour, getTransmissionView } from "../queries";
import { useUser } from "../session";
import { DsfrTable } from "../components/DsfrTable";

const JOURS = 30;

/**
 * `/organismes/:id`: an organisme of the perimeter, read only (issue 9, item 4) — its card, its transmission, its
 * counters and its last transmissions, live; never a learner (the API refuses its nominative routes to a réseau
 * or an opérateur public).
 */
export default function OrganismeLecture() {
  const params = useParams<{ id: string }>();
  // Another organisme's page is another socket.
  return (
    <Show when={params.id} keyed>
      {(id) => <Lecture id={id} />}
    </Show>
  );
}

function Lecture(props: { id: string }) {
  const user = useUser();
  const organisme = createAsync(() => getOrganisme(props.id));
  const transmission = createAsync(() => getTransmissionView(props.id));
  const apercu = createAsync(() => getIndicateurs(props.id));
  const historique = createAsync(() => getTransmissionsParJour(props.id, JOURS));
  const live = useOrganismeLive(props.id);
  const nom = () => organisme.latest && (organisme.latest.enseigne ?? organisme.latest.raisonSociale);

  return (
    <div class="fr-container fr-my-4w">
      <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol class="fr-breadcrumb__list">
          <li>
            <A class="fr-breadcrumb__link" href="/organismes">
              Organismes
            </A>
          </li>
          <li>
            <a class="fr-breadcrumb__link" aria-current="page">
              {nom() ?? "Organisme"}
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="fr-h3">{nom() ?? "Organisme"}</h1>
      <QueryBoundary queries={[organisme, transmission, apercu, historique]}>
        <Suspense fallback={<p>Chargement…</p>}>
          <EtatDirect live={live} />
          <Show when={!isAdministrator(user())}>
            <div class="fr-notice fr-notice--info fr-mb-3w">
              <div class="fr-container">
                <div class="fr-notice__body">
                  <p class="fr-notice__title">
                    Consultation en lecture seule : les données nominatives des apprenants restent réservées à
                    l'organisme.
                  </p>
                </div>
              </div>
            </div>
          </Show>
          <Show when={organisme.latest}>{(o) => <OrganismeCard organisme={o()} />}</Show>

          <Show when={transmission.latest}>
            {(t) => (
              <section aria-labelledby="transmission-titre" class="fr-mb-4w">
                <h2 id="transmission-titre" class="fr-h4">
                  Transmission
                </h2>
                <EtatTransmission
                  id="etat-connexion"
                  etat={etatTransmissionOf(t().settings.modeTransmission, t().connection.status)}
                />
                <ul>
                  <li>
                    <strong>ERP :</strong> {t().settings.erpLabel ?? "aucun"}
                  </li>
                  <li>
                    <strong>Mode :</strong>{" "}
                    {t().settings.modeTransmission === "api"
                      ? "clé d'échange"
                      : t().settings.modeTransmission === "manuel"
                        ? "fichier Excel"
                        : "non choisi"}
                  </li>
                  <Show when={t().settings.configuredAt}>
                    {(at) => (
                      <li>
                        <strong>Paramétré le :</strong> {formatDate(at())}
                      </li>
                    )}
                  </Show>
                  <li>
                    <strong>Dernière transmission :</strong>{" "}
                    {t().organisme.lastTransmissionAt ? formatDateTime(t().organisme.lastTransmissionAt) : "aucune"}
                  </li>
                </ul>
              </section>
            )}
          </Show>

          <Show when={apercu.latest}>
            {(a) => (
              <section aria-labelledby="apercu-titre" class="fr-mb-4w">
                <h2 id="apercu-titre" class="fr-h4">
                  Effectifs <span class="fr-text--regular">(année scolaire {a().anneeScolaire})</span>
                </h2>
                <Counters indicateurs={a().indicateurs} />
                <p class="fr-text--sm fr-mt-1w">
                  Les effectifs de l'organisme et de ses organismes formateurs, au {formatDate(a().date)}.
                </p>
              </section>
            )}
          </Show>

          <section aria-labelledby="historique-titre">
            <h2 id="historique-titre" class="fr-h4">
              Dernières transmissions
            </h2>
            <DsfrTable
              caption={<>Transmissions par jour, sur les {JOURS} derniers jours</>}
              class="table-scroll"
              id="table-transmissions"
              focusable
              srOnlyCaption
            >
              <EnteteTransmissionsJour />
              <tbody>
                <For
                  each={historique.latest?.parJour ?? []}
                  fallback={
                    <tr>
                      <td colSpan={6}>Aucune transmission sur les {JOURS} derniers jours.</td>
                    </tr>
                  }
                >
                  {(jour) => (
                    <tr data-jour={jour.date}>
                      <CellulesTransmissionsJour jour={jour} />
                    </tr>
                  )}
                </For>
              </tbody>
            </DsfrTable>
          </section>
        </Suspense>
      </QueryBoundary>
    </div>
  );
}
