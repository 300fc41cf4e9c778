import { Hono, type Context } from "hono";
import type { AppEnv, SessionUser } from "../env";
import { perimetreOf } from "../lib/permissions";
import { requireActiveUser, requireSession } from "../lib/session";
import { database } from "../data/db";
import { perimetreKey } from "../data/perimetres-organisme";
import { perimetreHub } from "../connection/perimetre-hub";

/** A 426 for a request that is not a WebSocket upgrade (checked before any other work), else null. */
export const upgradeRequired = (c: Context<AppEnv>) =>
  c.req.header("Upgrade")?.toLowerCase() === "websocket"
    ? null
    : c.json({ error: "Upgrade Required", message: "Cette adresse attend une connexion WebSocket." }, 426);

/**
 * Hands a WebSocket upgrade to the PerimetreHub named `key`, with the caller and its session (so that ending the
 * session closes the socket: worker/connection/live-sessions.ts). The Origin of the upgrade was checked by the
 * global checkOrigin middleware; the caller decided that `user` may watch `key`.
 */
export async function upgradeToPerimetreHub(c: Context<AppEnv>, user: SessionUser, key: string): Promise<Response> {
  const refused = upgradeRequired(c);
  if (refused) return refused;
  const session = requireSession(c);
  const headers = new Headers(c.req.raw.headers);
  headers.set("X-Perimetre", key);
  headers.set("X-User-Id", user.id);
  headers.set("X-Session-Hash", session.tokenHash);
  headers.set("X-Session-Expires-At", session.expiresAt);
  const upgraded = await perimetreHub(c.env, key).fetch(new Request(c.req.raw.url, { method: "GET", headers }));
  // Rebuilt so that the global middlewares can still add headers (a fetched response's are immutable).
  return new Response(upgraded.body, {
    status: upgraded.status,
    headers: upgraded.headers,
    webSocket: upgraded.webSocket,
  });
}

/**
 * `GET /api/perimetre/live`: the live WebSocket of the caller's own perimeter (a réseau's members, an opérateur
 * public's territory, the whole country for an administrator; an OFA has none: 403), served by its PerimetreHub.
 */
export const perimetreLiveRoutes = new Hono<AppEnv>().get("/live", async (c) => {
  const user = requireActiveUser(c);
  const refused = upgradeRequired(c);
  if (refused) return refused;
  return upgradeToPerimetreHub(c, user, perimetreKey(await perimetreOf(database(c.env.DB), user, {})));
});
