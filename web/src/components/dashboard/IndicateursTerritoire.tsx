import { A, createAsync } from "@solidjs/router";
import { Show, Suspense } from "solid-js";
import { getIndicateursTerritoire } from "../../queries";
import type { Me } from "../../../../worker/domain/comptes";
import { QueryBoundary } from "../Errors";
import { EtatDirect } from "../EtatDirect";
import { usePerimetreLive } from "../../live";
import { isAdministrator } from "../../../../worker/domain/administrateur";
import { Counters } from "./Counters";

/**
 * Réseau, opérateurs publics and administrators: the counters of their perimeter (fiable organismes only, SPEC §6),
 * kept up to date by the perimeter's live socket.
 */
export function IndicateursTerritoire(props: { user: Me }) {
  const territoire = createAsync(() => getIndicateursTerritoire());
  const live = usePerimetreLive();
  const perimetre = () =>
    isAdministrator(props.user)
      ? "au niveau national"
      : props.user.organisationType === "RESEAU"
        ? "de votre réseau"
        : "de votre territoire";
  return (
    <QueryBoundary queries={[territoire]}>
      <Suspense fallback={<p>Chargement…</p>}>
        <EtatDirect live={live} />
        <Show when={territoire.latest}>
          {(t) => (
            <section aria-labelledby="territoire-titre">
              <h2 id="territoire-titre" class="fr-h4">
                Aperçu des effectifs {perimetre()}{" "}
                <span class="fr-text--regular">(année scolaire {t().anneeScolaire})</span>
              </h2>
              <p>
                {t().organismes} organisme{t().organismes > 1 ? "s" : ""} fiable{t().organismes > 1 ? "s" : ""} pris en
                compte, à la date d'aujourd'hui.
              </p>
              <Counters indicateurs={t().indicateurs} />
            </section>
          )}
        </Show>
        <Show when={isAdministrator(props.user)}>
          <p class="fr-mt-4w">
            <A class="fr-link" href="/administration">
              Valider les comptes en attente
            </A>
          </p>
        </Show>
      </Suspense>
    </QueryBoundary>
  );
}
