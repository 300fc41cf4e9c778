import { createAsync } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { Counters } from "../components/dashboard/Counters";
import { EtatDirect } from "../components/EtatDirect";
import { QueryBoundary } from "../components/Errors";
import { EvolutionChart } from "../components/indicateurs/EvolutionChart";
import { IndicateursPerimetre } from "../components/indicateurs/IndicateursPerimetre";
import { ListeNominative } from "../components/indicateurs/ListeNominative";
import { TableFormations } from "../components/indicateurs/TableFormations";
import { BoutonVoirLaListe, focusBoutonListe } from "../components/indicateurs/BoutonsVoirLaListe";
import { DateIndicateurs } from "../components/indicateurs/DateIndicateurs";
import type { Indicateur } from "../../../worker/domain/indicators";
import "../components/indicateurs/indicateurs.css";
import { useOrganismeLive } from "../live";
import { getEvolution, getFormations, getIndicateurs } from "../queries";
import { useUser } from "../session";
import { anneeScolaireOf } from "../../../worker/domain/annee-scolaire";
import { todayParis } from "../../../worker/domain/dates";
import { formatDate } from "../format";

export default function Indicateurs() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Mes indicateurs</h1>
      <Switch fallback={<IndicateursPerimetre user={user()} />}>
        <Match when={user().organismeId}>{(id) => <IndicateursOrganisme organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

function IndicateursOrganisme(props: { organismeId: string }) {
  const [date, setDate] = createSignal(todayParis());
  const [liste, setListe] = createSignal<Indicateur | null>(null);
  const live = useOrganismeLive(props.organismeId);
  const compteurs = createAsync(() => getIndicateurs(props.organismeId, date()));
  const formations = createAsync(() => getFormations(props.organismeId, date()));
  const evolution = createAsync(() => getEvolution(props.organismeId, anneeScolaireOf(date())));
  const closeListe = (key: Indicateur) => {
    setListe(null);
    focusBoutonListe(key);
  };

  return (
    <>
      <EtatDirect live={live} />
      <DateIndicateurs value={date()} onChange={setDate} class="fr-px-0" />
      <QueryBoundary queries={[compteurs, formations, evolution]}>
        <section aria-labelledby="compteurs-titre" class="fr-mt-2w">
          <h2 class="fr-h4" id="compteurs-titre">
            Vos effectifs au {formatDate(date())}{" "}
            <span class="fr-text--regular">(année scolaire {anneeScolaireOf(date())})</span>
          </h2>
          <Show when={compteurs.latest} fallback={<p>Chargement…</p>}>
            {(c) => (
              <>
                {/* zeros alone read as a fault: say what they mean */}
                <Show when={Object.values(c().indicateurs).every((n) => n === 0)}>
                  <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="aucune-donnee">
                    <p>
                      Aucun apprenant n'est compté au {formatDate(date())} : aucun dossier transmis ne couvre cette date
                      (elle précède vos premières transmissions, ou aucun de vos apprenants n'était alors inscrit).
                      Choisissez une autre date.
                    </p>
                  </div>
                </Show>
                <Counters
                  indicateurs={c().indicateurs}
                  pied={(key) => <BoutonVoirLaListe indicateur={key} ouverte={liste()} onChange={setListe} />}
                />
              </>
            )}
          </Show>
          <Show when={liste()}>
            {(indicateur) => (
              <ListeNominative
                organismeId={props.organismeId}
                indicateur={indicateur()}
                date={date()}
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
      </QueryBoundary>
    </>
  );
}
