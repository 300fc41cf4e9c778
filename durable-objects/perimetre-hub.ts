import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import { LIVE_PING, LIVE_PONG, SESSION_ENDED_CODE, type PerimetreMessage } from "../worker/domain/live-messages";
import { database, type Database } from "../worker/data/db";
import { deleteLiveConnection, insertLiveConnection, perimetreHubRow } from "../worker/data/live-connections";
import { sessionExists } from "../worker/data/sessions";
import { PerimetreChanges, type SavedChanges } from "./perimetre-changes";
import { sendableCloseCode } from "./organisme-hub";

/** At most about one message per interval while the perimeter's organismes keep changing. */
const INTERVAL_MS = 1000;
const CHANGES_KEY = "changes";

interface SocketIdentity {
  userId: string;
  /** the perimeter's key (worker/data/perimetres-organisme.ts) */
  perimetre: string;
  /** SHA-256 of the session token: ending the session closes the socket */
  sessionHash: string;
  /** the session's absolute expiry (epoch ms): past it, the socket is closed instead of served */
  expiresAt: number;
}

/**
 * One per perimeter (a réseau, a département, a région, an académie, the whole country), named by its key. Told
 * which of its organismes changed (worker/connection/perimetre-hub.ts), it fans that out to the territorial
 * dashboards' WebSockets, coalesced (PerimetreChanges: the first change at once, then about one message a second,
 * flushed by the object's alarm). Hibernation API, sockets carrying their session, as in OrganismeHub.
 */
export class PerimetreHub extends DurableObject<Env> {
  /** Orders the live_connections writes of upgrades and closes. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly db: Database;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = database(env.DB);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  // ---- RPC ----

  /** Some of the perimeter's organismes changed. Read, decided and stored before any await: calls cannot interleave. */
  async organismesChanged(organismeIds: string[]): Promise<void> {
    // Nobody watching: nothing to coalesce (a dashboard that opens later starts from its snapshot).
    if (this.ctx.getWebSockets().length === 0) return;
    const changes = this.changes();
    const outcome = changes.record(organismeIds, Date.now());
    this.ctx.storage.kv.put<SavedChanges>(CHANGES_KEY, changes.saved());
    if (outcome && "send" in outcome) this.broadcast(outcome.send);
    else if (outcome) await this.ctx.storage.setAlarm(outcome.flushAt);
  }

  async alarm(): Promise<void> {
    const changes = this.changes();
    const organismeIds = changes.flush(Date.now());
    this.ctx.storage.kv.put<SavedChanges>(CHANGES_KEY, changes.saved());
    if (organismeIds.length > 0) this.broadcast(organismeIds);
  }

  // ---- RPC: sessions ended (worker/connection/live-sessions.ts, which then deletes their live_connections rows) ----

  async closeSessions(sessionHashes: string[]): Promise<void> {
    for (const hash of sessionHashes) this.ctx.getWebSockets(`session:${hash}`).forEach(closeForSessionEnd);
  }

  async closeUser(userId: string): Promise<void> {
    this.ctx.getWebSockets(`user:${userId}`).forEach(closeForSessionEnd);
  }

  // ---- WebSockets ----

  /** Called by worker/api/perimetre-live.ts with the caller's perimeter and session. */
  async fetch(request: Request): Promise<Response> {
    const perimetre = request.headers.get("X-Perimetre");
    const userId = request.headers.get("X-User-Id");
    const sessionHash = request.headers.get("X-Session-Hash");
    const expiresAt = Date.parse(request.headers.get("X-Session-Expires-At") ?? "");
    if (
      request.headers.get("Upgrade")?.toLowerCase() !== "websocket" ||
      !perimetre ||
      !userId ||
      !sessionHash ||
      Number.isNaN(expiresAt)
    ) {
      return new Response("WebSocket attendu.", { status: 426 });
    }
    const identity: SocketIdentity = { userId, perimetre, sessionHash, expiresAt };
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [`user:${userId}`, `session:${sessionHash}`]);
    server.serializeAttachment(identity);
    await this.exclusive(() =>
      insertLiveConnection(this.db, { sessionTokenHash: sessionHash, userId, organismeId: perimetreHubRow(perimetre) }),
    );
    // As in OrganismeHub: a logout that deleted the session while the upgrade was on its way is caught here.
    if (await sessionExists(this.db, sessionHash)) {
      const snapshot: PerimetreMessage = { type: "snapshot", perimetre, serverTime: new Date().toISOString() };
      this.deliver(server, JSON.stringify(snapshot));
    } else this.endSocketSession(server, identity);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Completes the closing handshake, echoing the peer's code (a reserved one, which cannot be sent, becomes 1000). */
  async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(sendableCloseCode(code), reason);
    } catch {
      // already closed
    }
    await this.forgetClosedSocket(ws);
  }

  async webSocketError(ws: WebSocket): Promise<void> {
    try {
      ws.close(1011, "Erreur de connexion");
    } catch {
      // already closed
    }
    await this.forgetClosedSocket(ws);
  }

  // ---- internals ----

  private changes(): PerimetreChanges {
    return new PerimetreChanges(INTERVAL_MS, this.ctx.storage.kv.get<SavedChanges>(CHANGES_KEY));
  }

  private broadcast(organismeIds: string[]): void {
    const message: PerimetreMessage = { type: "perimetre-changed", organismeIds, at: new Date().toISOString() };
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) this.deliver(ws, text);
  }

  /** Sends to a socket whose session is within its absolute expiry; past it (or without a session), closes it. */
  private deliver(ws: WebSocket, text: string): void {
    const identity = ws.deserializeAttachment() as SocketIdentity | null;
    if (!identity || !(identity.expiresAt > Date.now())) {
      this.endSocketSession(ws, identity);
      return;
    }
    try {
      ws.send(text);
    } catch {
      // a socket closing meanwhile must not stop the others
    }
  }

  private endSocketSession(ws: WebSocket, identity: SocketIdentity | null): void {
    closeForSessionEnd(ws);
    if (identity) this.forgetSession(identity).catch((error: unknown) => console.error("forgetSession", error));
  }

  /** Logged, not thrown: the handshake is answered, and a row left behind only costs a call when the session ends. */
  private async forgetClosedSocket(ws: WebSocket): Promise<void> {
    try {
      const identity = ws.deserializeAttachment() as SocketIdentity | null;
      if (identity) await this.forgetSession(identity);
    } catch (error) {
      console.error("forgetClosedSocket", error);
    }
  }

  /** Deletes the session's live_connections row once it has no open socket here (in turn with the upgrades' inserts). */
  private forgetSession(identity: SocketIdentity): Promise<void> {
    return this.exclusive(async () => {
      const open = this.ctx
        .getWebSockets(`session:${identity.sessionHash}`)
        .some((ws) => ws.readyState === WebSocket.OPEN);
      if (!open) await deleteLiveConnection(this.db, identity.sessionHash, perimetreHubRow(identity.perimetre));
    });
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function closeForSessionEnd(ws: WebSocket): void {
  try {
    ws.close(SESSION_ENDED_CODE, "Session terminée");
  } catch {
    // already closed
  }
}
