/**
 * Part 7: many ERPs at once. 20 simulated ERPs of 20 organismes (confirmed keys, all régions but the one of parts 5
 * and 6) push 2000-dossier batches concurrently, each ERP one push after the other, for a fixed time; then 20
 * clients write the same kind of rows raw into D1 (bench route, as part 1's raw side, 20 other organismes) for the
 * same time. Slices alternate (pipeline, raw, pipeline, …) so that both sides see tables of about the same size.
 * A push started before the deadline is waited for, and the side's time runs to its last response. Every push
 * creates 2000 new learners (a new generator seed per push): the heaviest write, and what D1 holds
 * afterwards can be counted against what the ERPs were told was created.
 */
import { validateDossier, type DossierNormalise } from "../worker/domain/dossier";
import { toEffectifRecord } from "../worker/ingestion/effectif-record";
import { generateDossiers } from "../tools/demo/dossiers";
import { PUSH_SIZE } from "./ingestion";
import { postJson, timed } from "./http";
import { percentile } from "./stats";

interface Cle {
  id: string;
  uai: string;
  siret: string;
  key: string;
}

interface Side {
  records: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
}

export interface ConcurrenceResult {
  erps: number;
  pipeline: Side;
  raw: Side;
  /** effectifs the ERPs were told were created, and those D1 holds for their organismes afterwards */
  acknowledged: number;
  stored: number;
  lost: number;
}

export async function clesHorsRegion(baseUrl: string, region: string, nombre: number): Promise<Cle[]> {
  const { body } = await timed<{ cles: Cle[] }>(
    `${baseUrl}/api/bench/cles-region`,
    postJson({ horsRegion: region, nombre }),
  );
  if (body.cles.length < nombre)
    throw new Error(`seulement ${body.cles.length} organismes libres hors région ${region}`);
  return body.cles;
}

export async function benchConcurrence(
  baseUrl: string,
  options: { erps: Cle[]; raws: Cle[]; seconds: number; slices: number; anneeScolaire: string; today: string },
): Promise<ConcurrenceResult> {
  const dossiersOf = (organisme: Cle, seed: number) =>
    generateDossiers({
      count: PUSH_SIZE,
      seed,
      anneeScolaire: options.anneeScolaire,
      formateur: organisme,
      responsable: organisme,
      invalidRatio: 0,
      asOf: options.today,
    });
  const side = (): Side => ({ records: 0, seconds: 0, latencies: [], statuses: new Map() });
  const pipeline = side();
  const raw = side();
  const created = new Map<string, number>();
  let seed = 20_000;

  /** One client pushing one body after the other until `deadline`; the next body is made while a push is in flight. */
  async function client(
    into: Side,
    deadline: number,
    next: () => { url: string; init: RequestInit },
    onOk: (text: string) => number,
  ) {
    let request = next();
    while (performance.now() < deadline) {
      const started = performance.now();
      // A network error before any answer (a kept-alive socket the server closed while the client waited) is
      // counted as status 0 and the same request sent again at once, as an ERP would (a push is idempotent).
      const current = request;
      const send = (init: RequestInit) =>
        fetch(current.url, init).then(async (r) => ({ status: r.status, text: await r.text() }));
      const pending = send(current.init).catch(() => {
        into.statuses.set(0, (into.statuses.get(0) ?? 0) + 1);
        return send(current.init).catch(() => ({ status: 0, text: "" }));
      });
      request = next();
      const { status, text } = await pending;
      into.latencies.push(performance.now() - started);
      into.statuses.set(status, (into.statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) into.records += onOk(text);
    }
  }

  const sliceMs = (options.seconds * 1000) / options.slices;
  for (let slice = 0; slice < options.slices; slice++) {
    for (const [into, kind] of [
      [pipeline, "pipeline"],
      [raw, "raw"],
    ] as const) {
      const started = performance.now();
      const deadline = started + sliceMs;
      const clients = kind === "pipeline" ? options.erps : options.raws;
      await Promise.all(
        clients.map((organisme) =>
          kind === "pipeline"
            ? client(
                into,
                deadline,
                () => ({
                  url: `${baseUrl}/api/v3/dossiers-apprenants`,
                  init: {
                    ...postJson(null, { Authorization: `Bearer ${organisme.key}` }),
                    body: JSON.stringify(dossiersOf(organisme, seed++)),
                  },
                }),
                (text) => {
                  const items = (JSON.parse(text) as { data: { outcome: string }[] }).data;
                  const n = items.filter((i) => i.outcome === "created").length;
                  created.set(organisme.id, (created.get(organisme.id) ?? 0) + n);
                  return items.length;
                },
              )
            : client(
                into,
                deadline,
                () => ({
                  url: `${baseUrl}/api/bench/ecriture`,
                  init: { ...postJson(null), body: rawBody(organisme, dossiersOf(organisme, seed++)) },
                }),
                (text) => (JSON.parse(text) as { effectifs: number }).effectifs,
              ),
        ),
      );
      into.seconds += (performance.now() - started) / 1000;
    }
  }

  const { body } = await timed<{ effectifs: Record<string, number> }>(
    `${baseUrl}/api/bench/effectifs-par-organisme`,
    postJson({ ids: options.erps.map((e) => e.id) }),
  );
  let acknowledged = 0;
  let stored = 0;
  let lost = 0;
  for (const e of options.erps) {
    const a = created.get(e.id) ?? 0;
    const s = body.effectifs[e.id] ?? 0;
    acknowledged += a;
    stored += s;
    lost += Math.max(0, a - s);
  }
  return { erps: options.erps.length, pipeline, raw, acknowledged, stored, lost };
}

/** The raw side's rows for `organisme`: what the pipeline would store, computed here in node, fresh ids. */
function rawBody(organisme: Cle, dossiers: Record<string, unknown>[]): string {
  const now = new Date().toISOString();
  const records = dossiers.map((dossier) => {
    const validation = validateDossier(dossier);
    if (!validation.ok) throw new Error(`dossier de banc d'essai invalide : ${JSON.stringify(validation.errors)}`);
    return toEffectifRecord(
      validation.value as DossierNormalise,
      { id: crypto.randomUUID(), organismeId: organisme.id, organismeResponsableId: organisme.id },
      now,
    );
  });
  return JSON.stringify({ effectifs: records.map((r) => r.effectif), statuts: records.flatMap((r) => r.statuts) });
}

export const concurrenceSummary = (s: Side) => ({
  rate: s.records / s.seconds,
  pushes: s.latencies.length,
  p50: s.latencies.length ? percentile(s.latencies, 50) : NaN,
  p99: s.latencies.length ? percentile(s.latencies, 99) : NaN,
  statuses: [...s.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n} × ${status || "erreur réseau (renvoyé)"}`)
    .join(", "),
  errors5xx: [...s.statuses.entries()].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0),
});
