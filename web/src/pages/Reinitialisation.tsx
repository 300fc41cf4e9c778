import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { reinitialiserMotDePasse } from "../actions";
import { Field, FormError } from "../components/comptes/Field";
import { useForm } from "../forms";

export default function Reinitialisation() {
  const [params] = useSearchParams();
  const token = () => {
    const value = params.token;
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const [password, setPassword] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const [mismatch, setMismatch] = createSignal<string | null>(null);
  const form = useForm(reinitialiserMotDePasse);
  const done = () => form.submission.result ?? null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    setMismatch(password() === confirmation() ? null : "Les deux mots de passe ne sont pas identiques.");
    if (mismatch()) return;
    void form.submit(token(), password());
  };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Choisir un nouveau mot de passe</h1>
          <Show
            when={token()}
            fallback={
              <div class="fr-alert fr-alert--error">
                <p>
                  Ce lien est incomplet. Ouvrez le lien reçu par e-mail, ou{" "}
                  <A href="/mot-de-passe-oublie">faites une nouvelle demande</A>.
                </p>
              </div>
            }
          >
            <Show
              when={done()}
              fallback={
                <form onSubmit={submit}>
                  <FormError message={form.error()?.message ?? null} />
                  <Field
                    id="password"
                    label="Nouveau mot de passe"
                    hint="12 caractères au minimum"
                    type="password"
                    autocomplete="new-password"
                    value={password()}
                    onInput={setPassword}
                  />
                  <Field
                    id="confirmation"
                    label="Confirmez le nouveau mot de passe"
                    type="password"
                    autocomplete="new-password"
                    value={confirmation()}
                    onInput={setConfirmation}
                    error={mismatch()}
                  />
                  <button class="fr-btn" type="submit" disabled={form.pending()}>
                    Enregistrer le mot de passe
                  </button>
                </form>
              }
            >
              <div class="fr-alert fr-alert--success" role="status">
                <p>{done()}</p>
              </div>
              <A class="fr-btn fr-mt-3w" href="/connexion">
                Se connecter
              </A>
            </Show>
          </Show>
        </div>
      </div>
    </div>
  );
}
