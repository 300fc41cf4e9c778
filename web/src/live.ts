/**
 * Live updates: a WebSocket whose messages make queries stale. The socket reconnects with exponential backoff and,
 * on every (re)connection, receives a fresh snapshot — which revalidates everything it watches, so a page
 * resynchronises after missing events while disconnected. Closed because the session ended (logout elsewhere,
 * password reset, expiry), it does not reconnect: the session is read again, which sends the user to the login page.
 *
 * `useLiveQueries(path, keysFor)` is the primitive (any socket, any queries); `useOrganismeLive(id)` watches one
 * organisme, `usePerimetreLive()` the caller's perimeter (réseau, territory, national).
 */
import { revalidate } from "@solidjs/router";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import {
  LIVE_PING,
  LIVE_PONG,
  parsePerimetreMessage,
  parseServerMessage,
  SESSION_ENDED_CODE,
  type ServerMessage,
} from "../../worker/domain/live-messages";
import { donneesKeys, organismeKeys, parametrageKeys } from "./queries";
import { sessionTerminee } from "./session";

export type LiveStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface LiveConnection {
  status: Accessor<LiveStatus>;
}

/** What a message makes stale: some queries (by key prefix; none: nothing shown changed), or every query. */
export type StaleQueries = readonly string[] | "all";

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const PING_EVERY_MS = 25_000;
/** No message (not even a pong) for this long: the socket is dead even if the browser has not noticed. */
const SILENCE_LIMIT_MS = 60_000;
/** A burst of pushes: the first message revalidates at once, the rest at most once per this delay. */
const COALESCE_MS = 300;

export function liveUrl(path: string, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${path}`;
}

/**
 * For the lifetime of the calling component: opens the socket at `path` and, on each message, revalidates the
 * queries whose keys `keysFor(message)` returns (none: the message changes nothing shown; "all": every query).
 */
export function useLiveQueries<M extends { type: string } = ServerMessage>(
  path: string,
  keysFor: (message: M) => StaleQueries,
  parse: (data: string) => M | null = parseServerMessage as (data: string) => M | null,
): LiveConnection {
  const [status, setStatus] = createSignal<LiveStatus>("connecting");
  let socket: WebSocket | null = null;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMessageAt = Date.now();

  // Coalescing: while `cooling`, keys wait in `stale` for one revalidation at the end of the delay.
  let cooling: ReturnType<typeof setTimeout> | undefined;
  let stale: Set<string> | "all" = new Set();
  const refresh = (keys: StaleQueries) => {
    if (keys !== "all" && keys.length === 0) return;
    if (cooling) {
      stale = keys === "all" || stale === "all" ? "all" : new Set([...stale, ...keys]);
      return;
    }
    // revalidate() without keys revalidates every query
    void revalidate(keys === "all" ? undefined : [...keys]);
    cooling = setTimeout(function flush() {
      cooling = undefined;
      const waiting = stale;
      stale = new Set();
      refresh(waiting === "all" ? "all" : [...waiting]);
    }, COALESCE_MS);
  };

  const heartbeat = setInterval(() => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastMessageAt > SILENCE_LIMIT_MS) socket.close();
    else socket.send(LIVE_PING);
  }, PING_EVERY_MS);

  function open() {
    clearTimeout(retryTimer);
    const ws = new WebSocket(liveUrl(path));
    socket = ws;
    ws.onopen = () => {
      lastMessageAt = Date.now();
      setStatus("open");
    };
    ws.onmessage = (event) => {
      lastMessageAt = Date.now();
      if (event.data === LIVE_PONG || typeof event.data !== "string") return;
      const message = parse(event.data);
      if (!message) return;
      if (message.type === "snapshot") attempt = 0;
      refresh(keysFor(message));
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return;
      if (event.code === SESSION_ENDED_CODE) {
        closed = true;
        setStatus("closed");
        sessionTerminee();
        return;
      }
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

  onCleanup(() => {
    closed = true;
    clearTimeout(retryTimer);
    clearTimeout(cooling);
    clearInterval(heartbeat);
    window.removeEventListener("online", reconnectNow);
    document.removeEventListener("visibilitychange", onVisible);
    socket?.close(1000, "Page quittée");
    socket = null;
    setStatus("closed");
  });
  return { status };
}

/**
 * The organisme's live socket (`/api/organismes/:id/live`) for the lifetime of the calling component: a push,
 * an import or held records applied revalidate the organisme's data; a step of the connection procedure its
 * transmission settings; a (re)connection's snapshot everything.
 */
export function useOrganismeLive(organismeId: string): LiveConnection {
  return useLiveQueries(`/api/organismes/${encodeURIComponent(organismeId)}/live`, (message) =>
    message.type === "snapshot"
      ? organismeKeys(organismeId)
      : message.type === "connection"
        ? parametrageKeys(organismeId)
        : donneesKeys(organismeId),
  );
}

/**
 * The caller's perimeter's live socket (`/api/perimetre/live`: a réseau's members, an opérateur public's territory,
 * the whole country for an administrator) for the lifetime of the calling component. Any change of one of its
 * organismes (at most about one message a second) and every (re)connection revalidate every query, so a
 * territorial page needs nothing but this call, whatever it reads.
 */
export function usePerimetreLive(): LiveConnection {
  return useLiveQueries("/api/perimetre/live", () => "all", parsePerimetreMessage);
}
