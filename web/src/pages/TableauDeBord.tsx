import { A, createAsync } from "@solidjs/router";
import { Match, Show, Suspense, Switch } from "solid-js";
import { Counters } from "../components/dashboard/Counters";
import { OrganismeCard } from "../components/dashboard/OrganismeCard";
import { DossiersEnAttente } from "../components/dashboard/DossiersEnAttente";
import { DoublonsATraiter } from "../components/dashboard/DoublonsATraiter";
import { indicateursNuls } from "../components/dashboard/etat-transmission";
import { IndicateursTerritoire } from "../components/dashboard/IndicateursTerritoire";
import { TableauArml } from "../components/missions-locales/TableauArml";
import { TableauMissionLocale } from "../components/missions-locales/TableauMissionLocale";
import { EtatDirect } from "../components/EtatDirect";
import { QueryBoundary } from "../components/Errors";
import { civiliteCourte } from "../format";
import { useOrganismeLive } from "../live";
import { getIndicateurs, getOrganisme } from "../queries";
import { useUser } from "../session";

export default function TableauDeBord() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">
        Bienvenue sur votre espace,{" "}
        {[civiliteCourte(user().civilite), user().prenom, user().nom].filter(Boolean).join(" ")}
      </h1>
      {/* the seed's tag: "OFA" for an organisme's user, else the organisation */}
      <p class="fr-badge fr-mb-2w">{user().organismeId ? "OFA" : user().organisationLabel}</p>
      <Switch fallback={<IndicateursTerritoire user={user()} />}>
        <Match when={user().organismeId}>{(id) => <OrganismeDashboard organismeId={id()} />}</Match>
        <Match when={user().organisationType === "MISSION_LOCALE"}>
          <TableauMissionLocale />
        </Match>
        <Match when={user().organisationType === "ARML"}>
          <TableauArml />
        </Match>
      </Switch>
    </div>
  );
}

function OrganismeDashboard(props: { organismeId: string }) {
  const organisme = createAsync(() => getOrganisme(props.organismeId));
  const apercu = createAsync(() => getIndicateurs(props.organismeId));
  // Every push, applied held records, or reconnection (snapshot) refreshes what the page shows.
  const live = useOrganismeLive(props.organismeId);
  return (
    <QueryBoundary queries={[organisme, apercu]}>
      <Suspense fallback={<p>Chargement…</p>}>
        <EtatDirect live={live} />
        <Show when={organisme.latest?.derniereTransmission?.invalid}>
          {(invalid) => (
            <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="bandeau-invalides">
              <p>
                {invalid()} dossier{invalid() > 1 ? "s" : ""} invalide{invalid() > 1 ? "s" : ""} lors de la dernière
                transmission. <A href="/effectifs?etat=invalide">Voir les dossiers à corriger</A>
              </p>
            </div>
          )}
        </Show>
        <DossiersEnAttente dossiers={organisme.latest?.dossiersEnAttente ?? 0} lienParametres />
        <DoublonsATraiter doublons={organisme.latest?.doublonsATraiter ?? 0} />
        <Show when={organisme.latest}>{(o) => <OrganismeCard organisme={o()} />}</Show>
        <Show when={apercu.latest}>
          {(a) => (
            <section aria-labelledby="apercu-titre">
              <h2 id="apercu-titre" class="fr-h4">
                Aperçu de vos effectifs <span class="fr-text--regular">(année scolaire {a().anneeScolaire})</span>
              </h2>
              <Show when={organisme.latest && indicateursNuls(organisme.latest, a().indicateurs)}>
                <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                  <p>Les indicateurs sont nuls car votre établissement ne transmet pas encore ses effectifs.</p>
                </div>
              </Show>
              <Counters indicateurs={a().indicateurs} />
            </section>
          )}
        </Show>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <A class="fr-btn fr-btn--secondary" href="/effectifs/ajout-fichier">
              Ajouter via fichier Excel
            </A>
          </li>
          <li>
            <A class="fr-btn fr-btn--tertiary" href="/parametres">
              Paramètres de transmission
            </A>
          </li>
          <li>
            <A class="fr-btn fr-btn--tertiary" href="/transmissions">
              Historique des transmissions
            </A>
          </li>
        </ul>
      </Suspense>
    </QueryBoundary>
  );
}
