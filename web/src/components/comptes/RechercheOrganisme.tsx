import { createSignal, For, Match, Show, Switch } from "solid-js";
import { rechercherOrganismes } from "../../actions";
import { useForm } from "../../forms";
import { ChampRecherche } from "./ChampRecherche";
import { OrganismeTrouve } from "./OrganismeTrouve";
import type { OrganismeReferentiel } from "../../../../worker/domain/referentiel";

type Mode = "uai" | "siret";

/** The OFA step of the sign-up: find one's organisme in the référentiel by UAI or by SIRET, then pick it. */
export function RechercheOrganisme(props: {
  selectedId: string | null;
  onSelect: (organisme: OrganismeReferentiel | null) => void;
  error?: string | null;
}) {
  const [mode, setMode] = createSignal<Mode>("uai");
  const [query, setQuery] = createSignal("");
  const [missing, setMissing] = createSignal<string | null>(null);
  const recherche = useForm(rechercherOrganismes);
  const results = (): OrganismeReferentiel[] | null => recherche.submission.result ?? null;
  const notFound = () => results()?.length === 0;
  const error = () => missing() ?? recherche.error()?.message ?? null;

  const search = async () => {
    recherche.clear();
    props.onSelect(null);
    setMissing(
      query().trim()
        ? null
        : mode() === "uai"
          ? "Indiquez l'UAI de votre établissement."
          : "Indiquez le SIRET de votre établissement.",
    );
    if (missing()) return;
    const organismes = await recherche.submit(mode(), query());
    if (organismes?.length === 1) props.onSelect(organismes[0]);
  };

  return (
    <>
      <fieldset class="fr-fieldset" id="recherche-mode">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular">
          Comment voulez-vous retrouver votre organisme ?
        </legend>
        <For
          each={[
            { value: "uai" as const, label: "Par UAI" },
            { value: "siret" as const, label: "Par SIRET" },
          ]}
        >
          {(option) => (
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`recherche-${option.value}`}
                  name="recherche-mode"
                  checked={mode() === option.value}
                  onChange={() => {
                    setMode(option.value);
                    setQuery("");
                    setMissing(null);
                    recherche.clear();
                    props.onSelect(null);
                  }}
                />
                <label class="fr-label" for={`recherche-${option.value}`}>
                  {option.label}
                </label>
              </div>
            </div>
          )}
        </For>
      </fieldset>
      <ChampRecherche
        id="recherche"
        label={mode() === "uai" ? "UAI de votre établissement" : "SIRET de votre établissement"}
        hint={mode() === "uai" ? "7 chiffres et une lettre, ex. 0751234A" : "14 chiffres, ex. 123 456 789 00012"}
        inputmode={mode() === "siret" ? "numeric" : "text"}
        value={query()}
        onInput={setQuery}
        error={error() ?? props.error}
        pending={recherche.pending()}
        onSearch={search}
      />
      <div aria-live="polite">
        <Switch>
          <Match when={notFound()}>
            <div class="fr-alert fr-alert--warning fr-mb-3w">
              <h3 class="fr-alert__title">Aucun organisme trouvé</h3>
              <p>
                Vérifiez {mode() === "uai" ? "l'UAI" : "le SIRET"} saisi, ou essayez{" "}
                {mode() === "uai" ? "avec votre SIRET" : "avec votre UAI"}. Si votre établissement n'est toujours pas
                trouvé, écrivez-nous à tableau-de-bord@apprentissage.beta.gouv.fr.
              </p>
            </div>
          </Match>
          <Match when={results()}>
            {(list) => (
              <fieldset class="fr-fieldset" id="organismes-trouves">
                <legend class="fr-fieldset__legend fr-fieldset__legend--regular">
                  {list().length === 1
                    ? "Organisme trouvé :"
                    : `${list().length} organismes trouvés, sélectionnez le vôtre :`}
                </legend>
                <For each={list()}>
                  {(organisme) => (
                    <OrganismeTrouve
                      organisme={organisme}
                      selected={props.selectedId === organisme.id}
                      onSelect={() => props.onSelect(organisme)}
                    />
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
