import { createSignal, For, Match, Show, Switch } from "solid-js";
import { DEPARTEMENTS } from "../../../../worker/domain/territoires";
import type { MissionLocaleResume } from "../../../../worker/domain/missions-locales";
import { useForm } from "../../forms";
import { rechercherMissionsLocales } from "../../queries-mission-locale";
import { ChampRecherche } from "./ChampRecherche";

/**
 * The Mission Locale step of the sign-up: find one's Mission Locale by its name, its commune or its département
 * (`GET /api/referentiel/missions-locales?q=`), then pick it.
 */
export function RechercheMissionLocale(props: {
  selectedId: string | null;
  onSelect: (missionLocale: MissionLocaleResume | null) => void;
}) {
  const [query, setQuery] = createSignal("");
  const [invalide, setInvalide] = createSignal<string | null>(null);
  const recherche = useForm(rechercherMissionsLocales);
  const results = (): MissionLocaleResume[] | null => recherche.submission.result ?? null;
  const error = () => invalide() ?? recherche.error()?.message ?? null;

  const search = async () => {
    recherche.clear();
    props.onSelect(null);
    const q = query().trim();
    setInvalide(
      !q
        ? "Indiquez le nom, la commune ou le département de votre Mission Locale."
        : q.length < 2
          ? "Indiquez au moins 2 caractères."
          : null,
    );
    if (invalide()) return;
    const trouvees = await recherche.submit(q);
    if (trouvees?.length === 1) props.onSelect(trouvees[0]);
  };

  return (
    <>
      <ChampRecherche
        id="recherche-mission-locale"
        label="Votre Mission Locale"
        hint="Son nom, sa commune ou son département, ex. Clermont-Ferrand ou 63"
        value={query()}
        onInput={setQuery}
        error={error()}
        pending={recherche.pending()}
        onSearch={search}
      />
      <div aria-live="polite">
        <Switch>
          <Match when={results()?.length === 0}>
            <div class="fr-alert fr-alert--warning fr-mb-3w">
              <h3 class="fr-alert__title">Aucune Mission Locale trouvée</h3>
              <p>
                Vérifiez le nom ou la commune saisis, ou essayez avec le numéro de votre département. Si votre Mission
                Locale n'est toujours pas trouvée, écrivez-nous à tableau-de-bord@apprentissage.beta.gouv.fr.
              </p>
            </div>
          </Match>
          <Match when={results()}>
            {(list) => (
              <fieldset class="fr-fieldset" id="missions-locales-trouvees">
                <legend class="fr-fieldset__legend fr-fieldset__legend--regular">
                  {list().length === 1
                    ? "Mission Locale trouvée :"
                    : `${list().length} Missions Locales trouvées, sélectionnez la vôtre :`}
                </legend>
                <For each={list()}>
                  {(ml) => (
                    <div class="fr-fieldset__element">
                      <div class="fr-radio-group fr-radio-rich">
                        <input
                          type="radio"
                          id={`mission-locale-${ml.id}`}
                          name="mission-locale"
                          value={ml.id}
                          checked={props.selectedId === ml.id}
                          onChange={() => props.onSelect(ml)}
                        />
                        <label class="fr-label" for={`mission-locale-${ml.id}`}>
                          <span>
                            <strong>{ml.nom}</strong>
                            <span class="fr-hint-text">
                              {[ml.commune, `${DEPARTEMENTS[ml.codeDepartement] ?? ""} (${ml.codeDepartement})`]
                                .filter(Boolean)
                                .join(" — ")}
                            </span>
                          </span>
                        </label>
                      </div>
                    </div>
                  )}
                </For>
              </fieldset>
            )}
          </Match>
        </Switch>
        <Show when={recherche.pending()}>
          <p>Recherche en cours…</p>
        </Show>
      </div>
    </>
  );
}
