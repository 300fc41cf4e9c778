/**
 * Part 6: push-to-screen latency of a Mission Locale's worklist. `clients` sockets of the Mission Locale of
 * Clermont-Ferrand (`/api/mission-locale/live`) are open while an ERP pushes, one after the other, batches of
 * learners aged 19 living in Clermont-Ferrand (INSEE 63113) whose only contract was broken 10 days ago; each push
 * changes every record (a phone number), so each one changes the worklist. The latency runs from the end of the
 * push's response to the first `perimetre-changed` message naming the CFA on each socket (the hub coalesces, as a
 * perimeter does: the first change at once, then about one message a second).
 */
import { postJson, type Session } from "./http";
import { openDashboard } from "./perimetre";
import { percentile } from "./stats";

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

/** The dossiers, made rupturants of Clermont-Ferrand at `today`: one contract, broken 10 days ago. */
export function enRuptureAClermont(dossiers: Record<string, unknown>[], today: string): Record<string, unknown>[] {
  return dossiers.map((dossier) => {
    const d = Object.fromEntries(
      Object.entries(dossier).filter(([k]) => !/^(contrat_|cause_rupture|siret_employeur)/.test(k)),
    );
    return {
      ...d,
      code_commune_insee_apprenant: "63113",
      code_postal_apprenant: "63000",
      date_de_naissance_apprenant: `${Number(today.slice(0, 4)) - 19}-03-15`,
      date_entree_formation: shift(today, -150),
      date_fin_formation: shift(today, 400),
      contrat_date_debut: shift(today, -120),
      contrat_date_fin: shift(today, 400),
      contrat_date_rupture: shift(today, -10),
      cause_rupture_contrat: "démission",
    };
  });
}

export interface MissionLocaleResult {
  fromResponseEnd: number[];
  messages: number[];
}

export async function benchMissionLocale(
  ml: Session,
  erp: { key: string; organismeId: string; dossiers: Record<string, unknown>[] },
  options: { clients: number; pushes: number },
): Promise<MissionLocaleResult> {
  const sockets = await Promise.all(
    Array.from({ length: options.clients }, () => openDashboard(ml, "/api/mission-locale/live")),
  );
  const fromResponseEnd: number[] = [];
  try {
    for (let push = 0; push < options.pushes; push++) {
      const started = performance.now();
      const heard = Promise.all(sockets.map((s) => s.heard(erp.organismeId, started)));
      const batch = erp.dossiers.map((d, i) => ({
        ...d,
        tel_apprenant: `06${String(20_000_000 + push * 1000 + i).slice(-8)}`,
      }));
      const response = await fetch(
        `${ml.baseUrl}/api/v3/dossiers-apprenants`,
        postJson(batch, { Authorization: `Bearer ${erp.key}` }),
      );
      await response.text();
      if (!response.ok) throw new Error(`envoi refusé : ${response.status}`);
      const ended = performance.now();
      for (const at of await heard) fromResponseEnd.push(at - ended);
    }
  } finally {
    for (const s of sockets) s.socket.close();
  }
  return { fromResponseEnd, messages: sockets.map((s) => s.messages()) };
}

export const missionLocaleSummary = (r: MissionLocaleResult) => ({
  p50: percentile(r.fromResponseEnd, 50),
  p99: percentile(r.fromResponseEnd, 99),
  max: Math.max(...r.fromResponseEnd),
  messagesMin: Math.min(...r.messages),
  messagesMax: Math.max(...r.messages),
});
