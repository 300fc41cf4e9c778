import { createSignal, For, Show } from "solid-js";
import { Field } from "./Field";

const CIVILITES = ["Madame", "Monsieur"];

type Identite = { civilite: string; prenom: string; nom: string };

/** The identity as the form edits it: the account's current one, or empty for a new account. */
export function createIdentite(initial: Identite = { civilite: "", prenom: "", nom: "" }) {
  const [civilite, setCivilite] = createSignal(initial.civilite);
  const [prenom, setPrenom] = createSignal(initial.prenom);
  const [nom, setNom] = createSignal(initial.nom);
  return {
    civilite,
    setCivilite,
    prenom,
    setPrenom,
    nom,
    setNom,
    values: (): Identite => ({ civilite: civilite(), prenom: prenom(), nom: nom() }),
  };
}

/** What the server requires of an identity (worker/accounts/identite.ts), checked before sending it. */
export function identiteErrors(identite: Identite) {
  const found: Record<string, string> = {};
  if (!identite.civilite) found.civilite = "Choisissez votre civilité.";
  if (!identite.prenom.trim()) found.prenom = "Indiquez votre prénom.";
  if (!identite.nom.trim()) found.nom = "Indiquez votre nom.";
  return found;
}

/** Focuses the first invalid field (the civilité by its first radio); says whether there was one. */
export function focusFirstError(found: Record<string, string>) {
  const first = Object.keys(found)[0];
  if (!first) return false;
  document.getElementById(first === "civilite" ? `civilite-${CIVILITES[0]}` : first)?.focus();
  return true;
}

/** The civilité, prénom and nom of an account's form. */
export function IdentiteFields(props: {
  identite: ReturnType<typeof createIdentite>;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <fieldset
        class="fr-fieldset"
        classList={{ "fr-fieldset--error": Boolean(props.errors.civilite) }}
        aria-labelledby="civilite-legend civilite-messages"
      >
        <legend class="fr-fieldset__legend" id="civilite-legend">
          Civilité
        </legend>
        <For each={CIVILITES}>
          {(valeur) => (
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`civilite-${valeur}`}
                  name="civilite"
                  checked={props.identite.civilite() === valeur}
                  onChange={() => props.identite.setCivilite(valeur)}
                />
                <label class="fr-label" for={`civilite-${valeur}`}>
                  {valeur}
                </label>
              </div>
            </div>
          )}
        </For>
        <div class="fr-messages-group" id="civilite-messages" aria-live="assertive">
          <Show when={props.errors.civilite}>
            <p class="fr-message fr-message--error">{props.errors.civilite}</p>
          </Show>
        </div>
      </fieldset>
      <Field
        id="prenom"
        label="Prénom"
        autocomplete="given-name"
        value={props.identite.prenom()}
        onInput={props.identite.setPrenom}
        error={props.errors.prenom}
      />
      <Field
        id="nom"
        label="Nom"
        autocomplete="family-name"
        value={props.identite.nom()}
        onInput={props.identite.setNom}
        error={props.errors.nom}
      />
    </>
  );
}
