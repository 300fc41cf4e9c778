import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { connexion } from "../actions";
import { Field, FormError } from "../components/comptes/Field";
import { safeRedirect } from "../components/comptes/form-errors";
import { useForm } from "../forms";

export default function Connexion() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const form = useForm(connexion);
  const redirect = () => safeRedirect(params.redirect);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const user = await form.submit(email(), password());
    if (!user) return;
    const target = redirect();
    // The ERP's /connexion-api link is served by the Worker, not the SPA: leave the app to follow it.
    if (target?.startsWith("/connexion-api")) {
      window.location.assign(target);
      return;
    }
    navigate(user.status === "pending" ? "/en-attente" : (target ?? "/tableau-de-bord"), { replace: true });
  };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion</h1>
          <p>Connectez-vous à votre espace du Tableau de bord de l'apprentissage.</p>
          <Show when={params.session === "expiree"}>
            <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="session-expiree" role="status">
              <p>Votre session a expiré, reconnectez-vous.</p>
            </div>
          </Show>
          <form onSubmit={submit}>
            <fieldset class="fr-fieldset" aria-labelledby="connexion-legend">
              <legend class="fr-fieldset__legend" id="connexion-legend">
                Vos identifiants
              </legend>
              <div class="fr-fieldset__element">
                <FormError message={form.error()?.message ?? null} />
              </div>
              <div class="fr-fieldset__element">
                <Field
                  id="email"
                  label="Adresse e-mail"
                  hint="Format attendu : nom@domaine.fr"
                  type="email"
                  autocomplete="email"
                  value={email()}
                  onInput={setEmail}
                />
              </div>
              <div class="fr-fieldset__element">
                <Field
                  id="password"
                  label="Mot de passe"
                  type="password"
                  autocomplete="current-password"
                  value={password()}
                  onInput={setPassword}
                />
                <p class="fr-mt-1w">
                  <A class="fr-link" href="/mot-de-passe-oublie">
                    Mot de passe oublié ?
                  </A>
                </p>
              </div>
              <div class="fr-fieldset__element">
                <button class="fr-btn" type="submit" disabled={form.pending()}>
                  Se connecter
                </button>
              </div>
            </fieldset>
          </form>
          <hr class="fr-mt-4w" />
          <h2 class="fr-h5">Vous n'avez pas de compte ?</h2>
          <A class="fr-btn fr-btn--secondary" href="/inscription">
            Je m'inscris
          </A>
        </div>
      </div>
    </div>
  );
}
