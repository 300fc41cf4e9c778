/**
 * Part 2: the dashboard of an organisme with 10,000 effectifs (its indicators and the first page of "Mes
 * effectifs"), timed against the bare SQL count of the same rows through a bench route — both over HTTP,
 * interleaved, so that the difference is what the endpoints add (session, permissions, joins, paging).
 */
import { asUser, timed, type Session } from "./http";
import { median, ms } from "./stats";

const REPEAT = 15;

export interface Comparaison {
  label: string;
  endpointMs: number;
  rawMs: number;
  detail: string;
}

export async function compare(
  label: string,
  endpoint: () => Promise<string>,
  raw: () => Promise<unknown>,
  repeat = REPEAT,
): Promise<Comparaison> {
  await endpoint();
  await raw();
  const e: number[] = [];
  const r: number[] = [];
  let detail = "";
  for (let i = 0; i < repeat; i++) {
    let started = performance.now();
    detail = await endpoint();
    e.push(performance.now() - started);
    started = performance.now();
    await raw();
    r.push(performance.now() - started);
  }
  return { label, endpointMs: median(e), rawMs: median(r), detail };
}

export const comparisonRow = (c: Comparaison) => [
  c.label,
  ms(c.endpointMs),
  ms(c.rawMs),
  `${(c.endpointMs / c.rawMs).toFixed(2)}×`,
  c.detail,
];

export async function benchDashboard(session: Session, organismeId: string, date: string): Promise<Comparaison[]> {
  const base = session.baseUrl;
  const indicateurs = await compare(
    "GET /api/organismes/:id/indicateurs",
    async () => {
      const { body } = await timed<{ indicateurs: { apprenants: number; abandons: number } }>(
        `${base}/api/organismes/${organismeId}/indicateurs?date=${date}`,
        asUser(session),
      );
      return `${body.indicateurs.apprenants + body.indicateurs.abandons} effectifs comptés`;
    },
    () => timed(`${base}/api/bench/comptage/organisme/${organismeId}/statuts?date=${date}`),
  );
  const effectifs = await compare(
    "GET /api/organismes/:id/effectifs (1re page)",
    async () => {
      const { body } = await timed<{ total: number; rows: unknown[] }>(
        `${base}/api/organismes/${organismeId}/effectifs?page=1`,
        asUser(session),
      );
      return `${body.total} dossiers, ${body.rows.length} lignes`;
    },
    () => timed(`${base}/api/bench/comptage/organisme/${organismeId}/effectifs`),
  );
  return [indicateurs, effectifs];
}
