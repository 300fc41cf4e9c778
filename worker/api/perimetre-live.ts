import { Hono } from "hono";
import type { AppEnv } from "../env";
import { perimetreOf } from "../lib/permissions";
import { requireActiveUser, requireSession } from "../lib/session";
import { database } from "../data/db";
import { perimetreKey } from "../data/perimetres-organisme";
import { perimetreHub } from "../connection/perimetre-hub";

/**
 * `GET /api/perimetre/live`: the live WebSocket of the caller's own perimeter (a réseau's members, an opérateur
 * public's territory, the whole country for an administrator; an OFA has none: 403), served by its PerimetreHub.
 * The Origin of the upgrade was checked by the global checkOrigin middleware. The socket carries its session, so
 * that ending the session closes it (worker/connection/live-sessions.ts).
 */
export const perimetreLiveRoutes = new Hono<AppEnv>().get("/live", async (c) => {
  const user = requireActiveUser(c);
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.json({ error: "Upgrade Required", message: "Cette adresse attend une connexion WebSocket." }, 426);
  }
  const session = requireSession(c);
  const perimetre = perimetreKey(await perimetreOf(database(c.env.DB), user, {}));
  const headers = new Headers(c.req.raw.headers);
  headers.set("X-Perimetre", perimetre);
  headers.set("X-User-Id", user.id);
  headers.set("X-Session-Hash", session.tokenHash);
  headers.set("X-Session-Expires-At", session.expiresAt);
  const upgraded = await perimetreHub(c.env, perimetre).fetch(new Request(c.req.raw.url, { method: "GET", headers }));
  // Rebuilt so that the global middlewares can still add headers (a fetched response's are immutable).
  return new Response(upgraded.body, {
    status: upgraded.status,
    headers: upgraded.headers,
    webSocket: upgraded.webSocket,
  });
});
