/**
 * The logged-in user: the `session` query, read once for the whole app by `SessionProvider` (in the root layout),
 * then `useSession()` anywhere. `RequireUser` (the layout route of the pages that need an active user) hands the
 * user to those pages through `useUser()`.
 */
import { createAsync, revalidate, type AccessorWithLatest } from "@solidjs/router";
import { createContext, useContext, type Accessor, type JSX } from "solid-js";
import { onSessionPerdue } from "./api";
import { getSession } from "./queries";
import type { Me } from "../../worker/domain/comptes";

export const sessionKey = getSession.keyFor();

// A request refused for want of a session: reading it again sends the page under RequireUser to the login, which
// brings the user back to it (its `redirect`), instead of leaving the page to ignore what the user does.
let perdue = false;
/** The session ended under the page (a 401, or its socket closed by the server): read it again, the login says why. */
export function sessionTerminee(): void {
  perdue = true;
  void revalidate(sessionKey);
}
onSessionPerdue(sessionTerminee);

/** True once after a request was refused for want of a session (it expired, or ended elsewhere): the login says so. */
export function sessionExpiree(): boolean {
  const expiree = perdue;
  perdue = false;
  return expiree;
}

/** Reads the session again from the server and resolves once the app has it (after a login, a sign-up…). */
export async function reloadSession(): Promise<void> {
  await revalidate(sessionKey);
  await getSession();
}

const SessionContext = createContext<AccessorWithLatest<Me | null | undefined>>();

export function SessionProvider(props: { children: JSX.Element }) {
  const user = createAsync(() => getSession());
  return <SessionContext.Provider value={user}>{props.children}</SessionContext.Provider>;
}

/** The current user: undefined while loading, null when logged out. */
export function useSession(): AccessorWithLatest<Me | null | undefined> {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() hors de SessionProvider");
  return session;
}

export const UserContext = createContext<Accessor<Me>>();

/** The active user, in a page under `RequireUser`. */
export function useUser(): Accessor<Me> {
  const user = useContext(UserContext);
  if (!user) throw new Error("useUser() hors de RequireUser");
  return user;
}
