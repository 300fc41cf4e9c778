import { database } from "../data/db";
import { deleteLiveConnections, findLiveConnections, hubOfRow, type LiveSessionTarget } from "../data/live-connections";
import type { Env } from "../env";
import { organismeHub } from "./hub";
import { perimetreHub } from "./perimetre-hub";

/**
 * Closes the live WebSockets of ended sessions (code 4401, "Session terminée") in every hub that holds some (an
 * organisme's; a perimeter's, for the territorial dashboards; a réseau or an administrator watches many), then
 * forgets them. Call it once the sessions are deleted, so that a socket accepted meanwhile is refused by the hub's
 * own check.
 *
 * `{ sessionHashes }`: logout, password reset. `{ userId }`: every socket of the user, whatever the session — for
 * the administration (a user deactivated, a right removed), whose page then stops its live updates.
 *
 * A hub that does not answer is logged, not thrown: the session is over anyway, and that hub still refuses the
 * socket at the session's absolute expiry.
 */
export async function closeLiveSessions(
  env: Pick<Env, "DB" | "ORGANISME_HUB" | "PERIMETRE_HUB">,
  target: LiveSessionTarget,
) {
  const db = database(env.DB);
  const hashesByHub = new Map<string, string[]>();
  for (const row of await findLiveConnections(db, target))
    hashesByHub.set(row.organismeId, [...(hashesByHub.get(row.organismeId) ?? []), row.sessionTokenHash]);
  const results = await Promise.allSettled(
    [...hashesByHub].map(([name, hashes]) => {
      const named = hubOfRow(name);
      const hub = named.kind === "perimetre" ? perimetreHub(env, named.key) : organismeHub(env, named.organismeId);
      return "userId" in target ? hub.closeUser(target.userId) : hub.closeSessions(hashes);
    }),
  );
  for (const r of results) if (r.status === "rejected") console.error("closeLiveSessions", r.reason);
  await deleteLiveConnections(db, target);
}
