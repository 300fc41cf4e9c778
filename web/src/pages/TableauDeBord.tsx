import { A } from "@solidjs/router";
import { createResource, ErrorBoundary, Match, Show, Suspense, Switch } from "solid-js";
import { api, errorMessage } from "../api";
import { RequireUser } from "../components/RequireUser";
import { Counters, type Indicateurs } from "../components/dashboard/Counters";
import { OrganismeCard, type OrganismeView } from "../components/dashboard/OrganismeCard";
import { IndicateursTerritoire } from "../components/dashboard/IndicateursTerritoire";
import { civiliteCourte } from "../format";
import { onLiveMessage, useLive } from "../live";

export default function TableauDeBord() {
  return (
    <div class="fr-container fr-my-4w">
      <RequireUser>
        {(user) => (
          <>
            <h1 class="fr-h3">
              Bienvenue sur votre espace,{" "}
              {[civiliteCourte(user.civilite), user.prenom, user.nom].filter(Boolean).join(" ")}
            </h1>
            <p class="fr-badge fr-mb-2w">{user.organisationLabel}</p>
            <Switch fallback={<IndicateursTerritoire user={user} />}>
              <Match when={user.organismeId}>{(id) => <OrganismeDashboard organismeId={id()} />}</Match>
            </Switch>
          </>
        )}
      </RequireUser>
    </div>
  );
}

function OrganismeDashboard(props: { organismeId: string }) {
  const [organisme, { refetch: refetchOrganisme }] = createResource(
    () => props.organismeId,
    (id) => api<{ organisme: OrganismeView }>(`/api/organismes/${id}`).then((r) => r.organisme),
  );
  const [apercu, { refetch: refetchIndicateurs }] = createResource(
    () => props.organismeId,
    (id) => api<{ anneeScolaire: string; indicateurs: Indicateurs }>(`/api/organismes/${id}/indicateurs`),
  );
  // Every push, applied held records, or reconnection (snapshot) refreshes what the page shows.
  const live = useLive(props.organismeId);
  onLiveMessage(live, (message) => {
    if (message.type === "connection") return;
    refetchOrganisme();
    refetchIndicateurs();
  });
  return (
    <ErrorBoundary
      fallback={(e) => (
        <div class="fr-alert fr-alert--error fr-alert--sm">
          <p>{errorMessage(e)}</p>
        </div>
      )}
    >
      <Suspense fallback={<p>Chargement…</p>}>
        <p class="fr-text--xs fr-mb-1w" aria-live="polite" id="etat-direct">
          {live.status() === "open" ? "● Mis à jour en direct" : "○ Connexion au direct…"}
        </p>
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
        <Show when={organisme.latest}>{(o) => <OrganismeCard organisme={o()} />}</Show>
        <Show when={apercu.latest}>
          {(a) => (
            <section aria-labelledby="apercu-titre">
              <h2 id="apercu-titre" class="fr-h4">
                Aperçu de vos effectifs <span class="fr-text--regular">(année scolaire {a().anneeScolaire})</span>
              </h2>
              <Show when={organisme.latest && !organisme.latest.lastTransmissionAt}>
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
    </ErrorBoundary>
  );
}
