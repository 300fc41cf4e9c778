import { Navigate, useLocation } from "@solidjs/router";
import { Match, Switch, type JSX } from "solid-js";
import { currentUser, type Me } from "../session";

/** Renders its children for an active user; sends others to the login or to the waiting page. */
export function RequireUser(props: { children: (user: Me) => JSX.Element }) {
  const location = useLocation();
  return (
    <Switch fallback={<p class="fr-container fr-my-4w">Chargement…</p>}>
      <Match when={currentUser.state === "ready" && currentUser() === null}>
        <Navigate href={`/connexion?redirect=${encodeURIComponent(location.pathname + location.search)}`} />
      </Match>
      <Match when={currentUser()?.status === "pending"}>
        <Navigate href="/en-attente" />
      </Match>
      <Match when={currentUser()?.status === "active" && currentUser()}>{(user) => props.children(user())}</Match>
    </Switch>
  );
}
