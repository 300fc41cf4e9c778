/**
 * Part 4: push-to-screen latency. 50 dashboards (WebSockets with the session cookie and Origin, as a browser
 * opens them) follow the same organisme; the ERP pushes; each dashboard's `transmission` message is timed from
 * the moment the ERP finished reading its push response. The hub is told before the response is sent, so a
 * dashboard can hear of a push before the ERP has its answer: such latencies are ≤ 0.
 */
import WebSocket from "ws";
import { DEMO_API_KEY } from "./demo";
import { postJson, type Session } from "./http";
import { percentile } from "./stats";

const TIMEOUT_MS = 10_000;

interface Dashboard {
  socket: WebSocket;
  /** resolves with the arrival time of the next transmission message */
  next(): Promise<number>;
}

function openDashboard(session: Session, organismeId: string): Promise<Dashboard> {
  const url = `${session.baseUrl.replace(/^http/, "ws")}/api/organismes/${organismeId}/live`;
  const socket = new WebSocket(url, { headers: { Cookie: session.cookie, Origin: session.baseUrl } });
  const arrivals: number[] = [];
  let waiting: ((at: number) => void) | null = null;
  return new Promise((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === "snapshot") resolve(dashboard);
      if (message.type !== "transmission") return;
      if (waiting) {
        waiting(at);
        waiting = null;
      } else arrivals.push(at);
    });
    const dashboard: Dashboard = {
      socket,
      next: () =>
        new Promise((done, fail) => {
          const queued = arrivals.shift();
          if (queued !== undefined) return done(queued);
          const timer = setTimeout(() => fail(new Error("aucun message « transmission » reçu en 10 s")), TIMEOUT_MS);
          waiting = (at) => {
            clearTimeout(timer);
            done(at);
          };
        }),
    };
  });
}

export interface LiveResult {
  clients: number;
  pushes: number;
  fromResponseEnd: number[];
  fromRequestStart: number[];
}

export async function benchLive(
  session: Session,
  organismeId: string,
  options: { clients: number; pushes: number; anneeScolaire: string; dossiers: Record<string, unknown>[] },
): Promise<LiveResult> {
  const dashboards = await Promise.all(
    Array.from({ length: options.clients }, () => openDashboard(session, organismeId)),
  );
  const fromResponseEnd: number[] = [];
  const fromRequestStart: number[] = [];
  try {
    for (let k = 0; k < options.pushes; k++) {
      const arrivals = dashboards.map((d) => d.next());
      // A small push with one change per record, so that every push is an update the dashboards must show.
      const batch = options.dossiers.map((d, i) => ({
        ...d,
        tel_apprenant: `06${String(10_000_000 + k * 1000 + i).slice(-8)}`,
      }));
      const started = performance.now();
      const response = await fetch(
        `${session.baseUrl}/api/v3/dossiers-apprenants`,
        postJson(batch, { Authorization: `Bearer ${DEMO_API_KEY}` }),
      );
      await response.text();
      const ended = performance.now();
      if (!response.ok) throw new Error(`envoi refusé : ${response.status}`);
      for (const at of await Promise.all(arrivals)) {
        fromResponseEnd.push(at - ended);
        fromRequestStart.push(at - started);
      }
    }
  } finally {
    for (const d of dashboards) d.socket.close();
  }
  return { clients: options.clients, pushes: options.pushes, fromResponseEnd, fromRequestStart };
}

export const liveSummary = (r: LiveResult) => ({
  p50: percentile(r.fromResponseEnd, 50),
  p99: percentile(r.fromResponseEnd, 99),
  max: Math.max(...r.fromResponseEnd),
  p50Start: percentile(r.fromRequestStart, 50),
  p99Start: percentile(r.fromRequestStart, 99),
});
