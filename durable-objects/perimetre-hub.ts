import type { PerimetreMessage } from "../worker/domain/live-messages";
import { perimetreHubRow } from "../worker/data/live-connections";
import { PerimetreChanges, type SavedChanges } from "./perimetre-changes";
import { SessionHub, upgradeSession, type SocketSession } from "./session-sockets";

/** At most about one message per interval while the perimeter's organismes keep changing. */
const INTERVAL_MS = 1000;
const CHANGES_KEY = "changes";

interface SocketIdentity extends SocketSession {
  /** the perimeter's key (worker/data/perimetres-organisme.ts) */
  perimetre: string;
}

/**
 * One per perimeter (a réseau, a département, a région, an académie, the whole country), named by its key. Told
 * which of its organismes changed (worker/connection/perimetre-hub.ts), it fans that out to the territorial
 * dashboards' WebSockets, coalesced (PerimetreChanges: the first change at once, then about one message a second,
 * flushed by the object's alarm). Hibernation API, sockets carrying their session, as in OrganismeHub.
 */
export class PerimetreHub extends SessionHub<SocketIdentity> {
  protected liveConnectionRow(identity: SocketIdentity): string {
    return perimetreHubRow(identity.perimetre);
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

  // ---- WebSockets ----

  /** Called by worker/api/perimetre-live.ts with the caller's perimeter and session. */
  async fetch(request: Request): Promise<Response> {
    const session = upgradeSession(request);
    const perimetre = request.headers.get("X-Perimetre");
    if (!session || !perimetre) return new Response("WebSocket attendu.", { status: 426 });
    return this.upgrade({ ...session, perimetre }, (ws) => {
      const snapshot: PerimetreMessage = { type: "snapshot", perimetre, serverTime: new Date().toISOString() };
      this.deliver(ws, JSON.stringify(snapshot));
    });
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
}
