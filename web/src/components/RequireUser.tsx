import { Navigate, useLocation, type RouteSectionProps } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { sessionExpiree, useSession, UserContext } from "../session";
import type { Me } from "../../../worker/domain/comptes";

/**
 * The layout route of the pages that need an active user: renders them for one (who `useUser()` then gives),
 * sends others to the login or to the waiting page.
 */
export function RequireUser(props: RouteSectionProps) {
  const location = useLocation();
  const session = useSession();
  return (
    <Switch fallback={<p class="fr-container fr-my-4w">Chargement…</p>}>
      <Match when={session() === null}>
        <Navigate
          href={`/connexion?redirect=${encodeURIComponent(location.pathname + location.search)}${sessionExpiree() ? "&session=expiree" : ""}`}
        />
      </Match>
      <Match when={session()?.status === "pending"}>
        <Navigate href="/en-attente" />
      </Match>
      <Match when={session()?.status === "active" && session()}>
        {(user) => <UserContext.Provider value={user as () => Me}>{props.children}</UserContext.Provider>}
      </Match>
    </Switch>
  );
}
