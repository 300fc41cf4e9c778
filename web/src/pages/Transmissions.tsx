import { A } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api";
import { RequireUser } from "../components/RequireUser";
import { TransmissionsDuJour } from "../components/indicateurs/TransmissionsDuJour";
import { useLiveRefresh } from "../components/indicateurs/live-refresh";
import type { TransmissionsJour } from "../components/indicateurs/types";
import "../components/indicateurs/indicateurs.css";
import { formatDate } from "../format";

const PERIODES = [7, 30, 90, 365];

export default function Transmissions() {
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Transmissions</h1>
      <RequireUser>
        {(user) => (
          <Switch
            fallback={
              <div class="fr-alert fr-alert--info">
                <p>L'historique des transmissions concerne les organismes de formation.</p>
              </div>
            }
          >
            <Match when={user.organismeId}>{(id) => <HistoriqueTransmissions organismeId={id()} />}</Match>
          </Switch>
        )}
      </RequireUser>
    </div>
  );
}

function HistoriqueTransmissions(props: { organismeId: string }) {
  const [jours, setJours] = createSignal(30);
  const [ouvert, setOuvert] = createSignal<string | null>(null);
  const { refresh, status } = useLiveRefresh(props.organismeId);
  const [historique] = createResource(
    () => ({ jours: jours(), r: refresh() }),
    ({ jours }) =>
      api<{ parJour: TransmissionsJour[] }>(`/api/organismes/${props.organismeId}/transmissions?jours=${jours}`),
  );
  return (
    <>
      <p class="fr-text--xs fr-mb-1w" aria-live="polite" id="etat-direct">
        {status() === "open" ? "● Mis à jour en direct" : "○ Connexion au direct…"}
      </p>
      <p>
        Chaque envoi de votre ERP (ou import de fichier) et ce qu'il est devenu. Les dossiers invalides se corrigent
        dans votre ERP puis sont renvoyés ; ils apparaissent aussi dans{" "}
        <A href="/effectifs?etat=invalide">Mes effectifs</A>.
      </p>
      <div class="fr-select-group fr-col-12 fr-col-md-4 fr-px-0">
        <label class="fr-label" for="periode-transmissions">
          Période
        </label>
        <select
          class="fr-select"
          id="periode-transmissions"
          value={jours()}
          onChange={(e) => setJours(Number(e.currentTarget.value))}
        >
          <For each={PERIODES}>{(n) => <option value={n}>{n} derniers jours</option>}</For>
        </select>
      </div>
      <Show when={historique.error}>
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
          <p>{errorMessage(historique.error)}</p>
        </div>
      </Show>
      <div class="fr-table table-scroll" id="table-transmissions">
        <table aria-busy={historique.loading} tabindex="0">
          <caption>Transmissions par jour, sur les {jours()} derniers jours</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col" class="cell-number">
                Transmissions
              </th>
              <th scope="col" class="cell-number">
                Dossiers reçus
              </th>
              <th scope="col" class="cell-number">
                Valides
              </th>
              <th scope="col" class="cell-number">
                Invalides
              </th>
              <th scope="col" class="cell-number">
                En attente
              </th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={historique.latest?.parJour ?? []}
              fallback={
                <tr>
                  <td colSpan={7}>{historique.loading ? "Chargement…" : "Aucune transmission sur cette période."}</td>
                </tr>
              }
            >
              {(jour) => (
                <>
                  <tr data-jour={jour.date}>
                    <th scope="row">{formatDate(jour.date)}</th>
                    <td class="cell-number">{jour.transmissions}</td>
                    <td class="cell-number">{jour.recus}</td>
                    <td class="cell-number">{jour.valides}</td>
                    <td class="cell-number">{jour.invalides}</td>
                    <td class="cell-number">{jour.enAttente}</td>
                    <td>
                      <button
                        type="button"
                        class="fr-btn fr-btn--tertiary fr-btn--sm"
                        aria-expanded={ouvert() === jour.date}
                        aria-controls={`jour-${jour.date}`}
                        onClick={() => setOuvert(ouvert() === jour.date ? null : jour.date)}
                      >
                        {ouvert() === jour.date ? "Masquer" : "Voir les transmissions"}
                      </button>
                    </td>
                  </tr>
                  <Show when={ouvert() === jour.date}>
                    <tr>
                      <td colSpan={7}>
                        <TransmissionsDuJour organismeId={props.organismeId} date={jour.date} refresh={refresh} />
                      </td>
                    </tr>
                  </Show>
                </>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
