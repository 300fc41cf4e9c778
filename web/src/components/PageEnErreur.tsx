import { useLocation } from "@solidjs/router";
import { ErrorBoundary, Show, type JSX } from "solid-js";
import { errorMessage } from "../api";

/**
 * Around the pages: a page whose code could not be loaded (the server unreachable while changing page) says so
 * instead of leaving a blank page; going to another page tries again.
 */
export function PageEnErreur(props: { children: JSX.Element }) {
  const location = useLocation();
  return (
    <Show when={location.pathname} keyed>
      <ErrorBoundary
        fallback={(error) => (
          <div class="fr-container fr-my-6w" id="page-en-erreur">
            <div class="fr-alert fr-alert--error">
              <h1 class="fr-alert__title">La page n'a pas pu être chargée</h1>
              <p>
                {error instanceof TypeError || /import|fetch|chunk/i.test(errorMessage(error))
                  ? "Le serveur est injoignable. Vérifiez votre connexion et réessayez."
                  : errorMessage(error)}
              </p>
            </div>
            <button type="button" class="fr-btn fr-mt-3w" onClick={() => window.location.reload()}>
              Réessayer
            </button>
          </div>
        )}
      >
        {props.children}
      </ErrorBoundary>
    </Show>
  );
}
