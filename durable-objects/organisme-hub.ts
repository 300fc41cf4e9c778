import { PushTurns } from "./push-turns";
import { SessionHub, upgradeSession, type SocketSession } from "./session-sockets";
import type { Env } from "../worker/env";
import {
  connectionPourLecture,
  initialConnectionState,
  transition,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
  type FirstUseVia,
} from "../worker/domain/connection-state";
import type { ServerMessage, TransmissionSummary } from "../worker/domain/live-messages";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../worker/data/db";
import {
  countActiveKeys,
  findCurrentKey,
  insertKey,
  organismeOfKey,
  revokeKey,
  revokeKeysOf,
} from "../worker/data/api-keys";
import { insertAudit } from "../worker/data/audit-log";
import {
  clearConfigured,
  clearTransmissionSettings,
  findConfiguration,
  markConfiguredByApi,
} from "../worker/data/organismes";
import { newExchangeKey } from "../worker/connection/keys";
import { discardedCount, discardHeldStatements } from "../worker/ingestion/held-rows";
import { notifyPerimetres } from "../worker/connection/perimetre-hub";

/** Who asks for a change (from the session). */
export interface HubActor {
  userId: string | null;
  /** "Prénom Nom" */
  name: string;
}

export type HubResult<T = object> =
  ({ ok: true; connection: ConnectionState } & T) | { ok: false; message: string; connection: ConnectionState };

/** D1 writes sent as one atomic batch. */
type Effects = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

interface SocketIdentity extends SocketSession {
  organismeId: string;
  /** a reader outside the organisme (réseau, opérateur public): the connection state reaches it without names */
  lecture?: boolean;
}

const isLecture = (ws: WebSocket) => (ws.deserializeAttachment() as SocketIdentity | null)?.lecture === true;

const VIA_LABELS: Record<FirstUseVia, string> = {
  test: "appel de test",
  push: "première transmission",
  link: "lien de connexion",
};

/**
 * One per organisme. Owns the connection procedure (state in its own SQLite storage, one transition at a time,
 * D1 effects written before the new state is committed) and fans every change out to the organisme's
 * WebSockets (Hibernation API: sockets survive the object sleeping; identity lives in their attachments).
 */
export class OrganismeHub extends SessionHub<SocketIdentity> {
  private readonly pushTurns = new PushTurns();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS hub (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
  }

  protected liveConnectionRow(identity: SocketIdentity): string {
    return identity.organismeId;
  }

  // ---- RPC: reading ----

  async getConnection(organismeId: string): Promise<ConnectionState> {
    return this.loadState(organismeId);
  }

  // ---- RPC: the procedure ----

  /** Generates a new key (revoking every previous one at once, and discarding what they pushed) and returns it in clear, once. */
  async generateKey(input: { organismeId: string; actor: HubActor }): Promise<HubResult<{ key: string }>> {
    return this.exclusive(async () => {
      const state = await this.loadState(input.organismeId);
      const newKey = await newExchangeKey();
      const at = new Date().toISOString();
      const event: ConnectionEvent = {
        type: "key_generated",
        keyId: newKey.id,
        prefix: newKey.prefix,
        by: input.actor.name,
        at,
      };
      const result = transition(state, event);
      if (!result.ok) return { ok: false, message: result.message, connection: state };
      const db = this.db;
      const previous = await countActiveKeys(db, input.organismeId);
      const written = await db.batch([
        revokeKeysOf(db, input.organismeId, at, "replaced"),
        insertKey(db, {
          id: newKey.id,
          organismeId: input.organismeId,
          keyHash: newKey.keyHash,
          prefix: newKey.prefix,
          createdAt: at,
          createdBy: input.actor.userId,
        }),
        ...discardHeldStatements(db, { organismeId: input.organismeId, exceptKeyId: newKey.id }),
        insertAudit(db, {
          organismeId: input.organismeId,
          userId: input.actor.userId,
          actor: input.actor.name,
          action: "key_generated",
          detail: `Clé d'échange ${newKey.prefix}… générée${previous ? " ; la clé précédente est révoquée" : ""}.`,
          at,
        }),
      ]);
      this.commit(input.organismeId, result.state);
      if (discardedCount(written.slice(2, 4)) > 0)
        this.broadcast({ type: "effectifs-changed", organismeId: input.organismeId });
      return { ok: true, key: newKey.key, connection: result.state };
    });
  }

  /**
   * The ERP used the key (its `/test` call, a push, or the browser link). Idempotent: only the first use of the
   * current key moves key_generated → installed; any other call just reports the status. A key that is not the
   * current one gets "none", never the current key's status (its pushes must not be applied).
   */
  async recordFirstUse(input: {
    keyId: string;
    via: FirstUseVia;
    uai?: string | null;
    siret?: string | null;
    erp?: string | null;
  }): Promise<{ status: ConnectionStatus }> {
    const stored = this.storedState();
    if (stored?.key?.id === input.keyId && stored.status !== "key_generated") return { status: stored.status };
    return this.exclusive(async () => {
      const organismeId = this.organismeId() ?? (await organismeOfKey(this.db, input.keyId));
      if (!organismeId) return { status: "none" as const };
      const state = await this.loadState(organismeId);
      const at = new Date().toISOString();
      const declared = { uai: input.uai ?? null, siret: input.siret ?? null, erp: input.erp ?? null };
      const result = transition(state, { type: "first_use", keyId: input.keyId, via: input.via, ...declared, at });
      if (!result.ok) return { status: "none" as const };
      if (!result.changed) return { status: state.status };
      await insertAudit(this.db, {
        organismeId,
        userId: null,
        actor: declared.erp ? `ERP ${declared.erp}` : "ERP",
        action: "first_use",
        detail: `Première utilisation de la clé ${state.key?.prefix ?? ""}… (${VIA_LABELS[input.via]}) — UAI déclaré : ${declared.uai ?? "aucun"}, SIRET déclaré : ${declared.siret ?? "aucun"}.`,
        at,
      });
      this.commit(organismeId, result.state);
      return { status: result.state.status };
    });
  }

  /** "Je confirme": the organisme is configured (held records are applied by the caller). */
  async confirm(input: { organismeId: string; actor: HubActor }): Promise<HubResult> {
    return this.decide(input, "confirm", (db, at) => [
      markConfiguredByApi(db, input.organismeId, input.actor.name, at),
      insertAudit(db, {
        organismeId: input.organismeId,
        userId: input.actor.userId,
        actor: input.actor.name,
        action: "confirmed",
        detail: "UAI et SIRET confirmés : le moyen de transmission est paramétré.",
        at,
      }),
    ]);
  }

  /** "Je ne confirme pas": the key is revoked and the procedure starts again (held records are discarded by the caller). */
  async refuse(input: { organismeId: string; actor: HubActor }): Promise<HubResult> {
    return this.decide(input, "refuse", (db, at, state) => [
      revokeKey(db, state.key?.id ?? "", at, "refused"),
      clearConfigured(db, input.organismeId, at),
      insertAudit(db, {
        organismeId: input.organismeId,
        userId: input.actor.userId,
        actor: input.actor.name,
        action: "refused",
        detail: `UAI et SIRET non confirmés : la clé ${state.key?.prefix ?? ""}… est révoquée.`,
        at,
      }),
    ]);
  }

  /** "Réinitialiser ma configuration": every key revoked, the ERP choice cleared. Allowed in any state. */
  async reset(input: { organismeId: string; actor: HubActor }): Promise<HubResult> {
    return this.decide(input, "reset", (db, at) => [
      revokeKeysOf(db, input.organismeId, at, "reset"),
      clearTransmissionSettings(db, input.organismeId, at),
      insertAudit(db, {
        organismeId: input.organismeId,
        userId: input.actor.userId,
        actor: input.actor.name,
        action: "reset",
        detail: "Configuration réinitialisée.",
        at,
      }),
    ]);
  }

  /** A key was revoked elsewhere (the stale-key job, which writes the audit row); the current one ends the procedure. */
  async keyRevoked(input: { organismeId: string; keyId: string }): Promise<{ status: ConnectionStatus }> {
    return this.exclusive(async () => {
      const state = await this.loadState(input.organismeId);
      const at = new Date().toISOString();
      const result = transition(state, { type: "key_revoked", keyId: input.keyId, at });
      if (!result.ok || !result.changed) return { status: state.status };
      await clearConfigured(this.db, input.organismeId, at);
      this.commit(input.organismeId, result.state);
      return { status: result.state.status };
    });
  }

  // ---- RPC: live events ----

  async notifyTransmission(summary: TransmissionSummary): Promise<void> {
    this.broadcast({ type: "transmission", organismeId: this.organismeId() ?? "", summary });
  }

  /** Makes the open pages refetch after a change kept outside the hub (the ERP choice in D1). */
  async announce(organismeId: string): Promise<void> {
    this.broadcast({ type: "connection", organismeId, connection: await this.loadState(organismeId) });
    this.notifyPerimetres(organismeId);
  }

  /** The organisme's turn to write a push (see PushTurns); null when the wait ran out. */
  async takePushTurn(leaseMs: number, maxWaitMs: number): Promise<string | null> {
    return this.pushTurns.take(leaseMs, maxWaitMs);
  }

  async givePushTurn(token: string): Promise<void> {
    this.pushTurns.give(token);
  }

  async notifyEffectifsChanged(): Promise<void> {
    this.broadcast({ type: "effectifs-changed", organismeId: this.organismeId() ?? "" });
  }

  // ---- WebSockets ----

  /** Called by worker/api/live.ts once the user is known to see the organisme, with the request's session. */
  async fetch(request: Request): Promise<Response> {
    const session = upgradeSession(request);
    const organismeId = request.headers.get("X-Organisme-Id");
    if (!session || !organismeId) return new Response("WebSocket attendu.", { status: 426 });
    const lecture = request.headers.get("X-Lecture") === "1";
    return this.upgrade({ ...session, organismeId, lecture }, (ws) => this.sendSnapshot(ws, organismeId));
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (typeof message !== "string") return;
    let parsed: { type?: unknown } | null;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const identity = ws.deserializeAttachment() as SocketIdentity | null;
    if (parsed?.type === "resync" && identity) await this.sendSnapshot(ws, identity.organismeId);
  }

  // ---- internals ----

  private async decide(
    input: { organismeId: string; actor: HubActor },
    type: "confirm" | "refuse" | "reset",
    effects: (db: Database, at: string, before: ConnectionState) => Effects,
  ): Promise<HubResult> {
    return this.exclusive(async () => {
      const state = await this.loadState(input.organismeId);
      const at = new Date().toISOString();
      const event: ConnectionEvent =
        type === "reset" ? { type, at } : { type, by: input.actor.name, userId: input.actor.userId, at };
      const result = transition(state, event);
      if (!result.ok) return { ok: false, message: result.message, connection: state };
      await this.db.batch(effects(this.db, at, state));
      this.commit(input.organismeId, result.state);
      return { ok: true, connection: result.state };
    });
  }

  private read(k: string): string | null {
    const rows = this.ctx.storage.sql.exec<{ v: string }>("SELECT v FROM hub WHERE k = ?", k).toArray();
    return rows[0]?.v ?? null;
  }

  private write(k: string, v: string): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO hub (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
      k,
      v,
    );
  }

  private storedState(): ConnectionState | null {
    const json = this.read("connection");
    return json ? (JSON.parse(json) as ConnectionState) : null;
  }

  private organismeId(): string | null {
    return this.read("organisme_id") ?? this.ctx.id.name ?? null;
  }

  /** The stored state; on first use, derived from D1 so that organismes configured before the hub existed keep working. */
  private async loadState(organismeId: string): Promise<ConnectionState> {
    const stored = this.storedState();
    if (stored) return stored;
    const bootstrapped = await this.stateFromD1(organismeId);
    // Another operation may have stored a state while D1 answered: it wins.
    const raced = this.storedState();
    if (raced) return raced;
    this.write("organisme_id", organismeId);
    this.write("connection", JSON.stringify(bootstrapped));
    return bootstrapped;
  }

  private async stateFromD1(organismeId: string): Promise<ConnectionState> {
    const [key, organisme] = await Promise.all([
      findCurrentKey(this.db, organismeId),
      findConfiguration(this.db, organismeId),
    ]);
    const state = initialConnectionState();
    if (!key) return state;
    state.key = { id: key.id, prefix: key.prefix, generatedAt: key.createdAt, generatedBy: "" };
    state.updatedAt = key.createdAt;
    if (organisme?.configuredAt) {
      state.status = "confirmed";
      state.confirmation = { by: organisme.configuredBy ?? "", userId: null, at: organisme.configuredAt };
    } else {
      state.status = "key_generated";
    }
    return state;
  }

  private commit(organismeId: string, state: ConnectionState): void {
    this.write("organisme_id", organismeId);
    this.write("connection", JSON.stringify(state));
    this.broadcast({ type: "connection", organismeId, connection: state });
    this.notifyPerimetres(organismeId);
  }

  /** The territorial dashboards show the organismes' transmission state too; not awaited by the operation. */
  private notifyPerimetres(organismeId: string): void {
    this.ctx.waitUntil(notifyPerimetres(this.env, [organismeId]));
  }

  private async sendSnapshot(ws: WebSocket, organismeId: string): Promise<void> {
    const state = await this.loadState(organismeId);
    const connection = isLecture(ws) ? connectionPourLecture(state) : state;
    this.deliver(
      ws,
      JSON.stringify({ type: "snapshot", organismeId, connection, serverTime: new Date().toISOString() }),
    );
  }

  private broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message);
    const lecture =
      message.type === "connection"
        ? JSON.stringify({ ...message, connection: connectionPourLecture(message.connection) })
        : text;
    for (const ws of this.ctx.getWebSockets()) this.deliver(ws, isLecture(ws) ? lecture : text);
  }
}
