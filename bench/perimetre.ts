/**
 * Part 5: push-to-screen latency of the territorial dashboards. 50 WebSockets of a DREETS (`/api/perimetre/live`,
 * with the session cookie and Origin, as a browser opens them) follow its région while 20 of its organismes push
 * at the same time, in rounds: a round's 20 pushes start together, the next round once every dashboard has heard
 * of every organisme of this one. For each push and each dashboard, the latency runs from the end of the push's
 * response to the first `perimetre-changed` message listing its organisme. The perimeter coalesces (about one
 * message a second), so the latency is mostly the wait for the next message; the count of messages a dashboard
 * received says how much the coalescing saved.
 */
import WebSocket from "ws";
import { postJson, timed, type Session } from "./http";
import { percentile } from "./stats";

const TIMEOUT_MS = 10_000;

export interface Emetteur {
  id: string;
  key: string;
  dossiers: Record<string, unknown>[];
}

export interface Dashboard {
  socket: WebSocket;
  /** arrival time of the first message listing `organismeId` at or after `since` */
  heard(organismeId: string, since: number): Promise<number>;
  messages(): number;
}

/** A live socket of `path` (a perimeter's, a Mission Locale's: the same PerimetreHub messages). */
export function openDashboard(session: Session, path = "/api/perimetre/live"): Promise<Dashboard> {
  const url = `${session.baseUrl.replace(/^http/, "ws")}${path}`;
  const socket = new WebSocket(url, { headers: { Cookie: session.cookie, Origin: session.baseUrl } });
  const received: { at: number; organismeIds: string[] }[] = [];
  /** the pending heard() calls, each looking again at every message */
  const waiters = new Set<() => void>();
  return new Promise((resolve, reject) => {
    socket.on("error", reject);
    socket.on("message", (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as { type: string; organismeIds?: string[] };
      if (message.type === "snapshot") resolve(dashboard);
      if (message.type !== "perimetre-changed") return;
      received.push({ at, organismeIds: message.organismeIds ?? [] });
      for (const look of [...waiters]) look();
    });
    const dashboard: Dashboard = {
      socket,
      messages: () => received.length,
      heard: (organismeId, since) =>
        new Promise((done, fail) => {
          const look = () => {
            const found = received.find((m) => m.at >= since && m.organismeIds.includes(organismeId));
            if (!found) return;
            clearTimeout(timer);
            waiters.delete(look);
            done(found.at);
          };
          const timer = setTimeout(() => {
            waiters.delete(look);
            fail(new Error(`aucun message « perimetre-changed » listant ${organismeId} en 10 s`));
          }, TIMEOUT_MS);
          waiters.add(look);
          look();
        }),
    };
  });
}

/** Confirmed keys for `nombre` organismes of the région (a bench route), with the dossiers each pushes. */
export async function emetteursOf(
  baseUrl: string,
  region: string,
  nombre: number,
  dossiersOf: (organisme: { uai: string; siret: string }, seed: number) => Record<string, unknown>[],
): Promise<Emetteur[]> {
  const { body } = await timed<{ cles: { id: string; uai: string; siret: string; key: string }[] }>(
    `${baseUrl}/api/bench/cles-region`,
    postJson({ region, nombre }),
  );
  if (body.cles.length < nombre) throw new Error(`la région ${region} n'a que ${body.cles.length} organismes libres`);
  return body.cles.map((o, i) => ({ id: o.id, key: o.key, dossiers: dossiersOf(o, 7000 + i) }));
}

export interface PerimetreResult {
  pushes: number;
  fromResponseEnd: number[];
  fromRequestStart: number[];
  /** perimetre-changed messages each dashboard received */
  messages: number[];
}

export async function benchPerimetre(
  dreets: Session,
  emetteurs: Emetteur[],
  options: { clients: number; rounds: number },
): Promise<PerimetreResult> {
  const dashboards = await Promise.all(Array.from({ length: options.clients }, () => openDashboard(dreets)));
  const fromResponseEnd: number[] = [];
  const fromRequestStart: number[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      const started = performance.now();
      const heard = emetteurs.map((e) => Promise.all(dashboards.map((d) => d.heard(e.id, started))));
      const ended = await Promise.all(
        emetteurs.map(async (e) => {
          // One change per record, so that every push is an update the dashboards must show.
          const batch = e.dossiers.map((d, i) => ({
            ...d,
            tel_apprenant: `06${String(10_000_000 + round * 1000 + i).slice(-8)}`,
          }));
          const response = await fetch(
            `${dreets.baseUrl}/api/v3/dossiers-apprenants`,
            postJson(batch, { Authorization: `Bearer ${e.key}` }),
          );
          await response.text();
          if (!response.ok) throw new Error(`envoi refusé : ${response.status}`);
          return performance.now();
        }),
      );
      const arrivals = await Promise.all(heard);
      arrivals.forEach((ats, i) => {
        for (const at of ats) {
          fromResponseEnd.push(at - ended[i]);
          fromRequestStart.push(at - started);
        }
      });
    }
  } finally {
    for (const d of dashboards) d.socket.close();
  }
  return {
    pushes: emetteurs.length * options.rounds,
    fromResponseEnd,
    fromRequestStart,
    messages: dashboards.map((d) => d.messages()),
  };
}

export const perimetreSummary = (r: PerimetreResult) => ({
  p50: percentile(r.fromResponseEnd, 50),
  p99: percentile(r.fromResponseEnd, 99),
  max: Math.max(...r.fromResponseEnd),
  p50Start: percentile(r.fromRequestStart, 50),
  p99Start: percentile(r.fromRequestStart, 99),
  messagesMin: Math.min(...r.messages),
  messagesMax: Math.max(...r.messages),
});
