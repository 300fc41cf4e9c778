/**
 * Part 1: 2000-record ERP pushes through HTTP (the whole pipeline: key, validation, lookups, upsert, statuts,
 * transmission report, live notification) against the raw write of the same rows into D1 (bench route, same
 * chunking and one batch, no validation), interleaved push by push so that both see tables of the same size.
 */
import { validateDossier, type DossierNormalise } from "../worker/domain/dossier";
import { toEffectifRecord } from "../worker/ingestion/effectif-record";
import { generateDossiers, type DossierErp } from "../tools/demo/dossiers";
import { groupCpuMs } from "./cpu";
import { DEMO_API_KEY, gesti, ofaTemoin } from "./demo";
import { postJson, timed } from "./http";
import { median, ms, printTable } from "./stats";

export const PUSH_SIZE = 2000;

interface Mesure {
  ms: number;
  cpuMs: number;
}

interface PushResponse {
  data: { outcome: string }[];
}

export interface IngestionResult {
  rows: string[][];
  ratio: number;
  cpuPipelineMs: number;
}

/** The raw side's rows: what the pipeline would store, computed here in node, ids fixed so re-writes update them. */
function rawBody(dossiers: DossierErp[], ids: string[], now: string): string {
  const records = dossiers.map((dossier, i) => {
    const validation = validateDossier(dossier);
    if (!validation.ok) throw new Error(`dossier de banc d'essai invalide : ${JSON.stringify(validation.errors)}`);
    return toEffectifRecord(
      validation.value as DossierNormalise,
      { id: ids[i], organismeId: ofaTemoin.id, organismeResponsableId: ofaTemoin.id },
      now,
    );
  });
  return JSON.stringify({ effectifs: records.map((r) => r.effectif), statuts: records.flatMap((r) => r.statuts) });
}

async function measure(pgid: number, call: () => Promise<void>): Promise<Mesure> {
  const cpuBefore = groupCpuMs(pgid);
  const started = performance.now();
  await call();
  const elapsed = performance.now() - started;
  return { ms: elapsed, cpuMs: groupCpuMs(pgid) - cpuBefore };
}

export async function benchIngestion(
  baseUrl: string,
  pgid: number,
  options: { pushes: number; anneeScolaire: string; today: string },
): Promise<IngestionResult> {
  const dossiers = generateDossiers({
    count: PUSH_SIZE * options.pushes,
    seed: 4242,
    anneeScolaire: options.anneeScolaire,
    formateur: gesti,
    responsable: gesti,
    invalidRatio: 0,
    asOf: options.today,
  });
  const ids = dossiers.map(() => crypto.randomUUID());
  const erpHeaders = { Authorization: `Bearer ${DEMO_API_KEY}` };
  const phases: { label: string; outcome: string; dossiers: DossierErp[] }[] = [
    { label: "créations", outcome: "created", dossiers },
    // Same learners, one field changed: every record is an update (merge, new parcours, statuts rewritten).
    {
      label: "mises à jour",
      outcome: "updated",
      dossiers: dossiers.map((d, i) => ({ ...d, adresse_apprenant: `${i + 1} rue du Banc d'Essai` })),
    },
  ];

  const rows: string[][] = [];
  let pipelineAll: Mesure[] = [];
  let rawAll: Mesure[] = [];
  for (const phase of phases) {
    const pipeline: Mesure[] = [];
    const raw: Mesure[] = [];
    for (let k = 0; k < options.pushes; k++) {
      const slice = phase.dossiers.slice(k * PUSH_SIZE, (k + 1) * PUSH_SIZE);
      const erpBody = JSON.stringify(slice);
      const rawRequest = rawBody(slice, ids.slice(k * PUSH_SIZE, (k + 1) * PUSH_SIZE), new Date().toISOString());
      const runPipeline = () =>
        measure(pgid, async () => {
          const { body } = await timed<PushResponse>(`${baseUrl}/api/v3/dossiers-apprenants`, {
            ...postJson(null, erpHeaders),
            body: erpBody,
          });
          // "unchanged" only after a Worker reload re-sent a push that had been applied.
          const wrong = body.data.filter(
            (item) => item.outcome !== phase.outcome && item.outcome !== "unchanged",
          ).length;
          if (wrong) throw new Error(`${wrong} dossiers n'ont pas l'issue attendue « ${phase.outcome} »`);
        }).then((m) => pipeline.push(m));
      const runRaw = () =>
        measure(pgid, async () => {
          await timed(`${baseUrl}/api/bench/ecriture`, { ...postJson(null), body: rawRequest });
        }).then((m) => raw.push(m));
      // Alternate who goes first, so that neither always meets a warmer cache.
      if (k % 2 === 0) {
        await runPipeline();
        await runRaw();
      } else {
        await runRaw();
        await runPipeline();
      }
    }
    rows.push(ingestionRow(`${phase.label} — pipeline complet`, pipeline));
    rows.push(ingestionRow(`${phase.label} — écriture brute D1`, raw));
    rows.push([
      `${phase.label} — pipeline / brut`,
      "",
      `${((median(raw.map((m) => m.ms)) / median(pipeline.map((m) => m.ms))) * 100).toFixed(0)} % du débit brut`,
      "",
      "",
    ]);
    pipelineAll = [...pipelineAll, ...pipeline];
    rawAll = [...rawAll, ...raw];
  }
  printTable(
    `1. Ingestion — ${options.pushes} envois de ${PUSH_SIZE} dossiers par phase, HTTP contre wrangler dev (médianes)`,
    ["", "ms / envoi", "dossiers / s", "CPU ms / envoi (borne sup.)", "envois"],
    rows,
  );
  return {
    rows,
    ratio: median(rawAll.map((m) => m.ms)) / median(pipelineAll.map((m) => m.ms)),
    cpuPipelineMs: median(pipelineAll.map((m) => m.cpuMs)),
  };
}

function ingestionRow(label: string, mesures: Mesure[]): string[] {
  const wall = median(mesures.map((m) => m.ms));
  return [
    label,
    ms(wall),
    Math.round((PUSH_SIZE * 1000) / wall).toLocaleString("fr-FR"),
    ms(median(mesures.map((m) => m.cpuMs))),
    String(mesures.length),
  ];
}
