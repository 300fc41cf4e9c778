import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import { LIVE_PING, LIVE_PONG, SESSION_ENDED_CODE } from "../worker/domain/live-messages";
import { database, type Database } from "../worker/data/db";
import { deleteLiveConnection, insertLiveConnection } from "../worker/data/live-connections";
import { sessionExists } from "../worker/data/sessions";

/** The session a hub's WebSocket belongs to, kept in its attachment (it survives hibernation). */
export interface SocketSession {
  userId: string;
  /** SHA-256 of the session token: ending the session closes the socket */
  sessionHash: string;
  /** the session's absolute expiry (epoch ms): past it, the socket is closed instead of served */
  expiresAt: number;
}

/** The session an upgrade request carries (set by the worker once the user is known); null if it is not one. */
export function upgradeSession(request: Request): SocketSession | null {
  const userId = request.headers.get("X-User-Id");
  const sessionHash = request.headers.get("X-Session-Hash");
  const expiresAt = Date.parse(request.headers.get("X-Session-Expires-At") ?? "");
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || !userId || !sessionHash) return null;
  return Number.isNaN(expiresAt) ? null : { userId, sessionHash, expiresAt };
}

/**
 * A hub whose WebSockets belong to sessions (OrganismeHub, PerimetreHub), on the Hibernation API: each socket tagged
 * with its user and session and carrying its identity in its attachment, the hub's live_connections row kept while the
 * session has a socket open here, and the socket closed once its session ends or expires.
 */
export abstract class SessionHub<Identity extends SocketSession> extends DurableObject<Env> {
  /** Serialises the hub's D1 writes (its live_connections rows and its own), which would interleave at their awaits. */
  private queue: Promise<unknown> = Promise.resolve();
  protected readonly db: Database;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = database(env.DB);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  /** The organisme_id of the hub's live_connections row for a socket. */
  protected abstract liveConnectionRow(identity: Identity): string;

  // ---- RPC: sessions ended (worker/connection/live-sessions.ts, which then deletes their live_connections rows) ----

  async closeSessions(sessionHashes: string[]): Promise<void> {
    for (const hash of sessionHashes) this.ctx.getWebSockets(`session:${hash}`).forEach(closeForSessionEnd);
  }

  async closeUser(userId: string): Promise<void> {
    this.ctx.getWebSockets(`user:${userId}`).forEach(closeForSessionEnd);
  }

  // ---- WebSockets ----

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

  // ---- for the hubs ----

  protected exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Accepts the socket, records its row, then greets it (`welcome`) unless its session is already gone. */
  protected async upgrade(identity: Identity, welcome: (ws: WebSocket) => Promise<void> | void): Promise<Response> {
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [`user:${identity.userId}`, `session:${identity.sessionHash}`]);
    server.serializeAttachment(identity);
    await this.exclusive(() =>
      insertLiveConnection(this.db, {
        sessionTokenHash: identity.sessionHash,
        userId: identity.userId,
        organismeId: this.liveConnectionRow(identity),
      }),
    );
    // Accepted and recorded before this check: a logout deleting the session after it finds the socket through
    // its row; one that deleted it before (while the upgrade was on its way) is caught here.
    if (await sessionExists(this.db, identity.sessionHash)) await welcome(server);
    else this.endSocketSession(server, identity);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends to a socket whose session is within its absolute expiry; past it (or without a session), closes it. */
  protected deliver(ws: WebSocket, text: string): void {
    const identity = ws.deserializeAttachment() as Identity | null;
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

  private endSocketSession(ws: WebSocket, identity: Identity | null): void {
    closeForSessionEnd(ws);
    if (identity) this.forgetSession(identity).catch((error: unknown) => console.error("forgetSession", error));
  }

  /** Logged, not thrown: the handshake is answered, and a row left behind only costs a call when the session ends. */
  private async forgetClosedSocket(ws: WebSocket): Promise<void> {
    try {
      const identity = ws.deserializeAttachment() as Identity | null;
      if (identity) await this.forgetSession(identity);
    } catch (error) {
      console.error("forgetClosedSocket", error);
    }
  }

  /**
   * Deletes the session's live_connections row once it has no open socket here. In turn with the upgrades' inserts:
   * a socket accepted meanwhile is either seen open or re-inserts its row after the delete.
   */
  private forgetSession(identity: Identity): Promise<void> {
    return this.exclusive(async () => {
      const open = this.ctx
        .getWebSockets(`session:${identity.sessionHash}`)
        .some((ws) => ws.readyState === WebSocket.OPEN);
      if (!open) await deleteLiveConnection(this.db, identity.sessionHash, this.liveConnectionRow(identity));
    });
  }
}

function closeForSessionEnd(ws: WebSocket): void {
  try {
    ws.close(SESSION_ENDED_CODE, "Session terminée");
  } catch {
    // already closed
  }
}

/**
 * 1005 (no status), 1006 (closed without a close frame) and 1015 (TLS failure) only describe a close: they may not
 * be sent in a close frame (RFC 6455 §7.4.1), and ws.close() throws on them.
 */
const RESERVED_CLOSE_CODES = new Set([1005, 1006, 1015]);
export const sendableCloseCode = (code: number) => (RESERVED_CLOSE_CODES.has(code) ? 1000 : code);
