/**
 * `npm run test:load [-- --short] [-- --no-strict]`: the load and fault suite. On its own `wrangler dev`
 * (127.0.0.1, a fresh persisted state), ERPs push concurrently for a fixed time — most on organismes of their own,
 * a few on one organisme with the same learners — while a burst of bad payloads comes in, and wrangler dev is
 * killed (SIGKILL) in the middle and restarted on the same state. Then every record a push acknowledged must be
 * in the database with its last acknowledged values. Exits 1 (with --strict, the default) on any 5xx outside the
 * kill window, any request cut or timed out outside it, or any record lost; 2 past the watchdog.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrng } from "../../db/demo/prng";
import { anneeScolaireOf } from "../../worker/domain/annee-scolaire";
import { snapshotConfig } from "../../bench/snapshot";
import { generateDossiers } from "../demo/dossiers";
import { Acknowledgements } from "./acknowledgements";
import { badPayloads } from "./bad-payloads";
import { sendBurst } from "./burst";
import { pushUntil } from "./erp";
import { erpFleet } from "./erp-fleet";
import { localD1, migrate } from "./local-d1";
import { planFromArgs } from "./options";
import { seedStatements } from "./organismes";
import { freePort } from "./port";
import { printReport } from "./report";
import { killAllServers, loadServer } from "./server";
import { RequestLog } from "./request-log";
import { readStoredRecords } from "./stored-records";

const plan = planFromArgs(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, "..", "..");
const runStarted = performance.now();
/** Pushes go on at least this long after the restart. */
const PUSH_AFTER_RESTART_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

setTimeout(() => {
  console.error(`\nLa suite de charge dépasse ${plan.watchdogSeconds} s : arrêt.`);
  killAllServers();
  process.exit(2);
}, plan.watchdogSeconds * 1000).unref();

const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
const anneeScolaire = anneeScolaireOf(today);
const stateDir = mkdtempSync(path.join(tmpdir(), "tba-charge-"));
const port = await freePort(plan.port);
console.log(
  `Suite de charge${plan.short ? " (courte)" : ""} — wrangler dev sur 127.0.0.1:${port}, état dans ${stateDir}`,
);
// The production Worker as it is now: wrangler dev would reload it whenever someone edits a source file.
const config = snapshotConfig(root, { entry: "worker/index.ts", name: "load-build" });
migrate(root, stateDir);
const d1 = await localD1(stateDir);
const { statements, organismes } = await seedStatements(2 + plan.soloErps, new Date());
d1.executeLocal(statements);

// One organisme takes the bad payloads; the others, the ERPs' pushes.
const [faulty, ...pushed] = organismes;
const erps = erpFleet(pushed, plan, { anneeScolaire, today });
const payloads = badPayloads(
  faulty.cle,
  generateDossiers({
    count: 2001,
    seed: 499,
    anneeScolaire,
    formateur: faulty.organisme,
    responsable: faulty.organisme,
    invalidRatio: 0,
    asOf: today,
  }),
);
const server = loadServer({ root, port, stateDir, config });
const requests = new RequestLog();
const acknowledgements = new Acknowledgements();
let exitCode = 1;
try {
  await server.start();
  console.log(
    `Prêt en ${((performance.now() - runStarted) / 1000).toFixed(0)} s ; ${erps.length} ERP envoient pendant ${plan.pushSeconds} s…`,
  );
  const firstPush = performance.now();
  const until = firstPush + plan.pushSeconds * 1000;
  // The ERPs push on for a while after the restart, even past the planned end.
  const kill = { restartedAt: Infinity, failed: false };
  const pushing = () =>
    !kill.failed && (performance.now() < until || performance.now() < kill.restartedAt + PUSH_AFTER_RESTART_MS);
  const burst = sleep(plan.burstAtSeconds * 1000).then(() =>
    sendBurst(
      payloads,
      {
        baseUrl: server.baseUrl,
        total: plan.badPayloads,
        heavyRepeat: plan.heavyRepeat,
        concurrency: plan.burstConcurrency,
        timeoutMs: plan.requestTimeoutMs,
      },
      requests,
    ),
  );
  const killAndRestart = sleep(plan.killAtSeconds * 1000).then(async () => {
    requests.killWindow = { from: performance.now(), to: Infinity };
    await server.kill();
    console.log("wrangler dev tué (SIGKILL) ; redémarrage sur le même état…");
    await server.start();
    kill.restartedAt = requests.killWindow.to = performance.now();
    console.log("wrangler dev de nouveau prêt ; les envois continuent.");
  });
  await Promise.all([
    ...erps.map((erp, i) =>
      pushUntil(erp, {
        baseUrl: server.baseUrl,
        pushing,
        timeoutMs: plan.requestTimeoutMs,
        batch: plan.batch,
        prng: createPrng(i + 1),
        requests,
        acknowledgements,
      }),
    ),
    burst,
    killAndRestart.catch((error) => {
      kill.failed = true;
      throw error;
    }),
  ]);
  const pushMs = performance.now() - firstPush;
  await server.stop();
  const stored = readStoredRecords(
    d1.queryLocal,
    erps.map((e) => e.organisme.id),
    anneeScolaire,
  );
  const verdict = printReport(requests, acknowledgements.countLost(stored), {
    pushMs,
    firstPush,
    erps: `${plan.soloErps} ERP sur leur organisme, ${plan.sharedErps} sur un même organisme et les mêmes apprenants`,
  });
  const failed = verdict.serverErrors + verdict.failedRequests + verdict.lost > 0;
  console.log(
    `\nObjectifs : 5xx hors arrêt ${verdict.serverErrors} (0) · connexions coupées ou délais hors arrêt ${verdict.failedRequests} (0) · enregistrements perdus ${verdict.lost} (0)` +
      ` → ${failed ? "MANQUÉS" : "atteints"}${failed && !plan.strict ? " (--no-strict : code de sortie 0)" : ""}`,
  );
  console.log(`Durée totale : ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
  exitCode = failed && plan.strict ? 1 : 0;
} catch (error) {
  console.error(error);
  console.error(server.output().slice(-3000));
} finally {
  await server.stop();
  // A failed run keeps its state directory, to look into it.
  if (exitCode === 0) rmSync(stateDir, { recursive: true, force: true });
  else console.error(`État de la base conservé : ${stateDir}`);
}
// Kept-alive connections would hold the process open.
process.exit(exitCode);
