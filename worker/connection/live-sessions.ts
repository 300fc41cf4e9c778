import { database } from "../data/db";
import { deleteLiveConnections, findLiveConnections, type LiveSessionTarget } from "../data/live-connections";
import type { Env } from "../env";
import { organismeHub } from "./hub";

/**
 * Closes the live WebSockets of ended sessions (code 4401, "Session terminée") in every organisme's hub that holds
 * some (a réseau or an administrator watches many), then forgets them. Call it once the sessions are deleted, so
 * that a socket accepted meanwhile is refused by the hub's own check.
 *
 * `{ sessionHashes }`: logout, password reset. `{ userId }`: every socket of the user, whatever the session — for
 * the administration (a user deactivated, a right removed), whose page then stops its live updates.
 *
 * A hub that does not answer is logged, not thrown: the session is over anyway, and that hub still refuses the
 * socket at the session's absolute expiry.
 */
export async function closeLiveSessions(env: Pick<Env, "DB" | "ORGANISME_HUB">, target: LiveSessionTarget) {
  const db = database(env.DB);
  const hashesByOrganisme = new Map<string, string[]>();
  for (const row of await findLiveConnections(db, target))
    hashesByOrganisme.set(row.organismeId, [...(hashesByOrganisme.get(row.organismeId) ?? []), row.sessionTokenHash]);
  const results = await Promise.allSettled(
    [...hashesByOrganisme].map(([organismeId, hashes]) => {
      const hub = organismeHub(env, organismeId);
      return "userId" in target ? hub.closeUser(target.userId) : hub.closeSessions(hashes);
    }),
  );
  for (const r of results) if (r.status === "rejected") console.error("closeLiveSessions", r.reason);
  await deleteLiveConnections(db, target);
}
