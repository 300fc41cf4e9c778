import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { motDePasseOublie } from "../actions";
import { Field, FormError } from "../components/comptes/Field";
import { useForm } from "../forms";

export default function MotDePasseOublie() {
  const [email, setEmail] = createSignal("");
  const form = useForm(motDePasseOublie);
  const sent = () => form.submission.result ?? null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void form.submit(email());
  };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Mot de passe oublié</h1>
          <Show
            when={sent()}
            fallback={
              <form onSubmit={submit}>
                <p>
                  Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de
                  passe.
                </p>
                <FormError message={form.error()?.message ?? null} />
                <Field
                  id="email"
                  label="Adresse e-mail"
                  hint="Format attendu : nom@domaine.fr"
                  type="email"
                  autocomplete="email"
                  value={email()}
                  onInput={setEmail}
                />
                <button class="fr-btn" type="submit" disabled={form.pending()}>
                  Recevoir un lien
                </button>
              </form>
            }
          >
            <div class="fr-alert fr-alert--success" role="status">
              <p>{sent()}</p>
            </div>
          </Show>
          <p class="fr-mt-4w">
            <A class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/connexion">
              Retour à la connexion
            </A>
          </p>
        </div>
      </div>
    </div>
  );
}
