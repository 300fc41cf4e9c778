/**
 * The organisme's live WebSocket (`/api/organismes/:id/live`): reconnects with exponential backoff and, on every
 * (re)connection, receives a fresh snapshot — listeners treat a snapshot as "refetch what you show", which is
 * how a page resynchronises after missing events while disconnected.
 */
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { ConnectionState } from "../../worker/domain/connection-state";
import {
  LIVE_PING,
  LIVE_PONG,
  parseServerMessage,
  type ServerMessage,
  type TransmissionSummary,
} from "../../worker/domain/live-messages";

export type LiveStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface LiveConnection {
  status: Accessor<LiveStatus>;
  /** the connection procedure's latest state (null until the first snapshot) */
  connection: Accessor<ConnectionState | null>;
  /** the latest transmission received while connected */
  lastTransmission: Accessor<TransmissionSummary | null>;
  /** every message, snapshots included; returns the unsubscribe function */
  subscribe(listener: (message: ServerMessage) => void): () => void;
  close(): void;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const PING_EVERY_MS = 25_000;
/** No message (not even a pong) for this long: the socket is dead even if the browser has not noticed. */
const SILENCE_LIMIT_MS = 60_000;

export function liveUrl(organismeId: string, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/organismes/${encodeURIComponent(organismeId)}/live`;
}

/** Opens the live connection; call `close()` when done (or use `useLive` inside a component). */
export function connectLive(organismeId: string): LiveConnection {
  const [status, setStatus] = createSignal<LiveStatus>("connecting");
  const [connection, setConnection] = createSignal<ConnectionState | null>(null);
  const [lastTransmission, setLastTransmission] = createSignal<TransmissionSummary | null>(null);
  const listeners = new Set<(message: ServerMessage) => void>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMessageAt = Date.now();

  const heartbeat = setInterval(() => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastMessageAt > SILENCE_LIMIT_MS) socket.close();
    else socket.send(LIVE_PING);
  }, PING_EVERY_MS);

  function open() {
    clearTimeout(retryTimer);
    const ws = new WebSocket(liveUrl(organismeId));
    socket = ws;
    ws.onopen = () => {
      lastMessageAt = Date.now();
      setStatus("open");
    };
    ws.onmessage = (event) => {
      lastMessageAt = Date.now();
      if (event.data === LIVE_PONG || typeof event.data !== "string") return;
      const message = parseServerMessage(event.data);
      if (!message) return;
      if (message.type === "snapshot") attempt = 0;
      if (message.type === "snapshot" || message.type === "connection") setConnection(message.connection);
      if (message.type === "transmission") setLastTransmission(message.summary);
      for (const listener of [...listeners]) listener(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return;
      setStatus("reconnecting");
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    // Jittered so that every dashboard does not come back at the same instant after a server restart.
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt++;
    retryTimer = setTimeout(open, delay);
  }

  /** Back online or back on the tab: no reason to wait for the backoff. */
  function reconnectNow() {
    if (closed || socket) return;
    attempt = 0;
    open();
  }
  const onVisible = () => document.visibilityState === "visible" && reconnectNow();
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", onVisible);

  open();

  return {
    status,
    connection,
    lastTransmission,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      window.removeEventListener("online", reconnectNow);
      document.removeEventListener("visibilitychange", onVisible);
      socket?.close(1000, "Page quittée");
      socket = null;
      setStatus("closed");
    },
  };
}

/** The live connection for the lifetime of the calling component. */
export function useLive(organismeId: string): LiveConnection {
  const live = connectLive(organismeId);
  onCleanup(() => live.close());
  return live;
}

/** Subscribes for the lifetime of the calling component. */
export function onLiveMessage(live: LiveConnection, listener: (message: ServerMessage) => void): void {
  onCleanup(live.subscribe(listener));
}
