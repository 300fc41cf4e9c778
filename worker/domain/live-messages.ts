/**
 * The messages of the live WebSockets, shared by the Durable Objects (which send them) and the web app (which reads
 * them): an organisme's (`/api/organismes/:id/live`, OrganismeHub) and a perimeter's (`/api/perimetre/live`,
 * PerimetreHub).
 */
import type { ConnectionState } from "./connection-state";

/** What one ERP push did (also sent after held records are applied). */
export interface TransmissionSummary {
  transmissionId: string;
  receivedAt: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  held: number;
  invalid: number;
}

export type ServerMessage =
  /** sent first on every (re)connection: the client replaces what it knows and refetches what it shows */
  | { type: "snapshot"; organismeId: string; connection: ConnectionState; serverTime: string }
  /** the connection procedure changed state */
  | { type: "connection"; organismeId: string; connection: ConnectionState }
  /** an ERP push (or an import) was recorded */
  | { type: "transmission"; organismeId: string; summary: TransmissionSummary }
  /** effectifs changed without a transmission summary (e.g. held records discarded, an Excel import) */
  | { type: "effectifs-changed"; organismeId: string };

/** The messages of a perimeter's socket (a réseau, a département, a région, an académie, the whole country). */
export type PerimetreMessage =
  /** sent first on every (re)connection: the client refetches what it shows */
  | { type: "snapshot"; perimetre: string; serverTime: string }
  /**
   * organismes of the perimeter changed (a push, an import, held records applied, a step of their connection):
   * the ones since the previous message, at most about one message a second
   */
  | { type: "perimetre-changed"; organismeIds: string[]; at: string };

/** The client may ask for a fresh snapshot; "ping" (plain text) is answered "pong" without waking the object. */
export type ClientMessage = { type: "resync" };

/** The close code of a socket whose session ended (logout, password reset, expiry): the client must not reconnect. */
export const SESSION_ENDED_CODE = 4401;

export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";

function parseTyped<M extends { type: string }>(data: string): M | null {
  try {
    const message = JSON.parse(data) as { type?: unknown };
    return typeof message?.type === "string" ? (message as M) : null;
  } catch {
    return null;
  }
}

export const parseServerMessage = (data: string) => parseTyped<ServerMessage>(data);

export const parsePerimetreMessage = (data: string) => parseTyped<PerimetreMessage>(data);
