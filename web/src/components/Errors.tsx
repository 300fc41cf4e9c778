import { A, useLocation, type AccessorWithLatest } from "@solidjs/router";
import { createEffect, ErrorBoundary, Show, type JSX } from "solid-js";
import { ApiClientError, errorMessage } from "../api";

/** A French error message in a small DSFR alert; without a session, with the way back through the login. */
export function ErrorAlert(props: { error: unknown }) {
  const location = useLocation();
  const connexion = () => `/connexion?redirect=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
      <p>
        {errorMessage(props.error)}
        <Show when={props.error instanceof ApiClientError && props.error.status === 401}>
          {" "}
          <A href={connexion()}>Se connecter</A>
        </Show>
      </p>
    </div>
  );
}

/**
 * Around what shows the `queries`: when one fails (an expired session, the server unreachable…), its French message
 * takes the place of the content until the queries read again without error — after a live revalidation or with
 * other arguments — which brings the content back. `quiet`: nothing instead (another boundary of the same queries
 * shows the message).
 */
export function QueryBoundary(props: {
  queries: readonly AccessorWithLatest<unknown>[];
  quiet?: boolean;
  children: JSX.Element;
}) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <QueryError error={error} queries={props.queries} quiet={props.quiet} reset={reset} />
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}

function QueryError(props: {
  error: unknown;
  queries: readonly AccessorWithLatest<unknown>[];
  quiet?: boolean;
  reset: () => void;
}) {
  let first = true;
  createEffect(() => {
    let failing = false;
    for (const query of props.queries) {
      try {
        void query.latest;
      } catch {
        failing = true;
      }
    }
    // Only a change of the queries resets: an error that is not theirs would otherwise be thrown again at once.
    if (!first && !failing) props.reset();
    first = false;
  });
  return <Show when={!props.quiet}>{<ErrorAlert error={props.error} />}</Show>;
}
