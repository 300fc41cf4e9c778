import { Hono } from "hono";
import type { AppEnv } from "../env";
import { requireActiveUser, requireSession } from "../lib/session";
import { organismeHub } from "../connection/hub";

/**
 * `GET /api/organismes/:id/live`: the organisme's live WebSocket, served by its OrganismeHub.
 * The Origin of the upgrade was checked by the global checkOrigin middleware (an upgrade carries cookies and
 * bypasses CORS: without Origin, or from another one, it is refused); the user's access by the organisme's.
 * The socket carries its session, so that ending the session closes it (worker/connection/live-sessions.ts).
 */
export const liveRoutes = new Hono<AppEnv>().get("/:id/live", async (c) => {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    return c.json({ error: "Upgrade Required", message: "Cette adresse attend une connexion WebSocket." }, 426);
  }
  const user = requireActiveUser(c);
  const session = requireSession(c);
  const organismeId = c.var.organisme.id;
  const headers = new Headers(c.req.raw.headers);
  headers.set("X-Organisme-Id", organismeId);
  headers.set("X-User-Id", user.id);
  headers.set("X-Session-Hash", session.tokenHash);
  headers.set("X-Session-Expires-At", session.expiresAt);
  // A reader outside the organisme gets the connection state without the names of its users (SPEC §8).
  headers.set("X-Lecture", c.var.organisme.nominatif ? "0" : "1");
  const upgraded = await organismeHub(c.env, organismeId).fetch(new Request(c.req.raw.url, { method: "GET", headers }));
  // Rebuilt so that the global middlewares can still add headers (a fetched response's are immutable).
  return new Response(upgraded.body, {
    status: upgraded.status,
    headers: upgraded.headers,
    webSocket: upgraded.webSocket,
  });
});
