import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api";
import { RequireUser } from "../components/RequireUser";
import { Counters } from "../components/dashboard/Counters";
import { EvolutionChart } from "../components/indicateurs/EvolutionChart";
import { ListeNominative } from "../components/indicateurs/ListeNominative";
import { TableFormations } from "../components/indicateurs/TableFormations";
import { todayParis, useLiveRefresh } from "../components/indicateurs/live-refresh";
import {
  INDICATEUR_LABELS,
  INDICATEURS,
  type Evolution,
  type FormationsAt,
  type Indicateur,
  type IndicateursAt,
} from "../components/indicateurs/types";
import "../components/indicateurs/indicateurs.css";
import { anneeScolaireOf } from "../../../worker/domain/annee-scolaire";
import { formatDate } from "../format";

export default function Indicateurs() {
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Mes indicateurs</h1>
      <RequireUser>
        {(user) => (
          <Switch
            fallback={
              <div class="fr-alert fr-alert--info">
                <p>Les indicateurs de votre réseau ou de votre territoire ne sont pas encore disponibles.</p>
              </div>
            }
          >
            <Match when={user.organismeId}>{(id) => <IndicateursOrganisme organismeId={id()} />}</Match>
          </Switch>
        )}
      </RequireUser>
    </div>
  );
}

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

function IndicateursOrganisme(props: { organismeId: string }) {
  const [date, setDate] = createSignal(todayParis());
  const [liste, setListe] = createSignal<Indicateur | null>(null);
  const { refresh, status } = useLiveRefresh(props.organismeId);
  const base = `/api/organismes/${props.organismeId}`;

  const [compteurs] = createResource(
    () => ({ date: date(), r: refresh() }),
    ({ date }) => api<IndicateursAt>(`${base}/indicateurs?date=${date}`),
  );
  const [formations] = createResource(
    () => ({ date: date(), r: refresh() }),
    ({ date }) => api<FormationsAt>(`${base}/indicateurs/formations?date=${date}`),
  );
  const [evolution] = createResource(
    () => ({ annee: anneeScolaireOf(date()), r: refresh() }),
    ({ annee }) => api<Evolution>(`${base}/indicateurs/evolution?annee=${annee}`),
  );
  // Back to the button that opened the list, so that keyboard users do not lose their place.
  const closeListe = (key: Indicateur) => {
    setListe(null);
    document.querySelector<HTMLButtonElement>(`[data-liste="${key}"]`)?.focus();
  };
  const erreur = () => [compteurs, formations, evolution].map((r) => r.error).find(Boolean);

  return (
    <>
      <p class="fr-text--xs fr-mb-1w" aria-live="polite" id="etat-direct">
        {status() === "open" ? "● Mis à jour en direct" : "○ Connexion au direct…"}
      </p>
      <div class="fr-input-group fr-col-12 fr-col-md-4 fr-px-0">
        <label class="fr-label" for="date-indicateurs">
          Date
          <span class="fr-hint-text">Les indicateurs sont calculés à cette date, sur son année scolaire.</span>
        </label>
        <input
          class="fr-input"
          type="date"
          id="date-indicateurs"
          value={date()}
          onChange={(e) => isIsoDate(e.currentTarget.value) && setDate(e.currentTarget.value)}
        />
      </div>
      <Show when={erreur()}>
        {(e) => (
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
            <p>{errorMessage(e())}</p>
          </div>
        )}
      </Show>

      <section aria-labelledby="compteurs-titre" class="fr-mt-2w">
        <h2 class="fr-h4" id="compteurs-titre">
          Vos effectifs au {formatDate(date())}{" "}
          <span class="fr-text--regular">(année scolaire {anneeScolaireOf(date())})</span>
        </h2>
        <Show when={compteurs.latest} fallback={<p>Chargement…</p>}>
          {(c) => (
            <>
              <Counters indicateurs={c().indicateurs} />
              <div class="fr-grid-row fr-grid-row--gutters liste-actions">
                <For each={INDICATEURS}>
                  {(key) => (
                    <div class="fr-col-6 fr-col-md">
                      <button
                        type="button"
                        class="fr-btn fr-btn--tertiary fr-btn--sm"
                        data-liste={key}
                        aria-pressed={liste() === key}
                        onClick={() => setListe(liste() === key ? null : key)}
                      >
                        Voir la liste<span class="fr-sr-only"> : {INDICATEUR_LABELS[key]}</span>
                      </button>
                    </div>
                  )}
                </For>
              </div>
            </>
          )}
        </Show>
        <Show when={liste()}>
          {(indicateur) => (
            <ListeNominative
              organismeId={props.organismeId}
              indicateur={indicateur()}
              date={date()}
              refresh={refresh}
              onClose={() => closeListe(indicateur())}
            />
          )}
        </Show>
      </section>

      <section aria-labelledby="formations-titre" class="fr-mt-6w">
        <h2 class="fr-h4" id="formations-titre">
          Par formation
        </h2>
        <Show when={formations.latest} fallback={<p>Chargement…</p>}>
          {(f) => <TableFormations data={f()} />}
        </Show>
      </section>

      <section aria-labelledby="evolution-section-titre" class="fr-mt-6w">
        <h2 class="fr-h4" id="evolution-section-titre">
          Évolution mois par mois <span class="fr-text--regular">(année scolaire {anneeScolaireOf(date())})</span>
        </h2>
        <Show when={evolution.latest} fallback={<p>Chargement…</p>}>
          {(e) => <EvolutionChart data={e()} />}
        </Show>
      </section>
    </>
  );
}
