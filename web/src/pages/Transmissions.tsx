import { A, createAsync } from "@solidjs/router";
import { FilAriane, TABLEAU_DE_BORD } from "../components/FilAriane";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { EtatDirect } from "../components/EtatDirect";
import { QueryBoundary } from "../components/Errors";
import { TransmissionsDuJour } from "../components/indicateurs/TransmissionsDuJour";
import { CellulesTransmissionsJour, EnteteTransmissionsJour } from "../components/indicateurs/TransmissionsJour";
import "../components/indicateurs/indicateurs.css";
import { useOrganismeLive } from "../live";
import { getTransmissionsParJour } from "../queries";
import { useUser } from "../session";
import { DsfrTable } from "../components/DsfrTable";

const PERIODES = [7, 30, 90, 365];

export default function Transmissions() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      {/* reached by the dashboard's button "Historique des transmissions": the same words */}
      <FilAriane parents={[TABLEAU_DE_BORD]} page="Historique des transmissions" />
      <h1 class="fr-h3">Historique des transmissions</h1>
      <Switch
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>L'historique des transmissions concerne les organismes de formation.</p>
          </div>
        }
      >
        <Match when={user().organismeId}>{(id) => <HistoriqueTransmissions organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

function HistoriqueTransmissions(props: { organismeId: string }) {
  const [jours, setJours] = createSignal(30);
  const [ouvert, setOuvert] = createSignal<string | null>(null);
  const live = useOrganismeLive(props.organismeId);
  const historique = createAsync(() => getTransmissionsParJour(props.organismeId, jours()));
  return (
    <>
      <EtatDirect live={live} />
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
      <QueryBoundary queries={[historique]}>
        <DsfrTable
          caption={<>Transmissions par jour, sur les {jours()} derniers jours</>}
          class="table-scroll"
          id="table-transmissions"
          busy={historique.latest === undefined}
          focusable
        >
          <EnteteTransmissionsJour>
            <th scope="col">Détail</th>
          </EnteteTransmissionsJour>
          <tbody>
            <For
              each={historique.latest?.parJour ?? []}
              fallback={
                <tr>
                  <td colSpan={7}>
                    {historique.latest === undefined ? "Chargement…" : "Aucune transmission sur cette période."}
                  </td>
                </tr>
              }
            >
              {(jour) => (
                <>
                  <tr data-jour={jour.date}>
                    <CellulesTransmissionsJour jour={jour} />
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
                        <TransmissionsDuJour organismeId={props.organismeId} date={jour.date} />
                      </td>
                    </tr>
                  </Show>
                </>
              )}
            </For>
          </tbody>
        </DsfrTable>
      </QueryBoundary>
    </>
  );
}
