/**
 * The messages of the live WebSocket `/api/organismes/:id/live`, shared by the OrganismeHub Durable Object
 * (which sends them) and the web app (which reads them).
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

/** The client may ask for a fresh snapshot; "ping" (plain text) is answered "pong" without waking the object. */
export type ClientMessage = { type: "resync" };

/** The close code of a socket whose session ended (logout, password reset, expiry): the client must not reconnect. */
export const SESSION_ENDED_CODE = 4401;

export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";

export function parseServerMessage(data: string): ServerMessage | null {
  try {
    const message = JSON.parse(data) as { type?: unknown };
    return typeof message?.type === "string" ? (message as ServerMessage) : null;
  } catch {
    return null;
  }
}
