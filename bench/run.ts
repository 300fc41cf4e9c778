/**
 * `npm run bench [-- --parties 1,3]`: starts its own `wrangler dev` (port BENCH_PORT, default 8790, state in .wrangler/bench-state, demo seed) on the
 * bench's Worker entry (bench/worker: the production Worker plus the bench-only routes), then measures side by
 * side in the same run and prints ratios — never absolute thresholds:
 *   1. ERP ingestion vs raw D1 writes;  2. an organisme's dashboard with 10,000 effectifs vs the raw counts;
 *   3. national indicators over 1,000,000 effectifs vs the raw count, and the national breakdown by formation and
 *      nominative lists vs the national counters;  4. push-to-screen latency at 50 dashboards;
 *   5. the same for 50 territorial dashboards of a région while 20 of its organismes push at once;
 *   6. the same for a Mission Locale's worklist while an ERP pushes learners in rupture of its zone;
 *   7. 20 ERPs of 20 organismes pushing 2000-dossier batches at once for a fixed time vs raw concurrent writes;
 *   8. an organisme's dashboard, Mes effectifs and indicators at 10,000, 50,000 and 100,000 effectifs vs the bare counts;
 *   9. bytes per effectif (D1's size before/after), national indicators over 3 school years × 1,000,000 effectifs.
 * `--parties` runs only the listed parts (default: all); each part prints the same as in a full run.
 */
import path from "node:path";
import { startServer } from "../e2e/server.mjs";
import { anneeScolaireOf } from "../worker/domain/annee-scolaire";
import { generateDossiers } from "../tools/demo/dossiers";
import { benchDashboard, comparisonRow } from "./dashboard";
import {
  ADMIN_EMAIL,
  DEMO_API_KEY,
  DEMO_PASSWORD,
  DREETS_EMAIL,
  GESTI_EMAIL,
  MISSION_LOCALE_EMAIL,
  gesti,
} from "./demo";
import { login, restarts } from "./http";
import { benchIngestion, PUSH_SIZE } from "./ingestion";
import { benchLive, liveSummary } from "./live";
import { benchNational, benchNationalDetail, loadNational } from "./national";
import { benchPerimetre, emetteursOf, perimetreSummary } from "./perimetre";
import { benchMissionLocale, enRuptureAClermont, missionLocaleSummary } from "./mission-locale";
import { anneePrecedente, octetsNational, octetsParEffectif, octetsPipeline, taille, type Octets } from "./capacite";
import { benchCroissance } from "./croissance";
import { benchConcurrence, clesHorsRegion, concurrenceSummary } from "./concurrence";
import { snapshotConfig } from "./snapshot";
import { ms, printTable } from "./stats";

const PORT = Number(process.env.BENCH_PORT ?? 8790);
const ALL_PARTS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const parties = partiesOf(process.argv.slice(2));
const runs = (part: number) => parties.has(part);

/** `--parties 1,3` or `--parties=1,3`: the parts to run (default: all). */
function partiesOf(args: string[]): Set<number> {
  const i = args.findIndex((a) => a === "--parties" || a.startsWith("--parties="));
  if (i < 0) return new Set(ALL_PARTS);
  const value = args[i].includes("=") ? args[i].slice(args[i].indexOf("=") + 1) : (args[i + 1] ?? "");
  const list = value.split(",").map((v) => Number(v.trim()));
  const unknown = list.filter((n) => !ALL_PARTS.includes(n));
  if (!list.length || unknown.length) {
    console.error(`--parties : parties connues ${ALL_PARTS.join(", ")} (reçu « ${value} »)`);
    process.exit(2);
  }
  return new Set(list);
}
const PUSHES = 5;
const NATIONAL_EFFECTIFS = 1_000_000;
const LIVE_CLIENTS = 50;
const LIVE_PUSHES = 20;
const LIVE_BATCH = 20;
const PERIMETRE_EMETTEURS = 20;
const PERIMETRE_ROUNDS = 5;
const ML_CLIENTS = 20;
const ML_PUSHES = 20;
const CONCURRENT_ERPS = 20;
const CONCURRENT_SECONDS = Number(process.env.BENCH_CONCURRENCE_SECONDES ?? 60);
const CONCURRENT_SLICES = 1;
const TAILLES = [10_000, 50_000, 100_000];
const OCTETS_PUSHES = 5;

const root = path.resolve(import.meta.dirname, "..");
const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
const anneeScolaire = anneeScolaireOf(today);
const month = today.slice(0, 7);
const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const comparisonHeader = ["", "point d'accès", "comptage brut", "rapport", "résultat"];

const benchStarted = performance.now();
console.log(
  `Banc d'essai — démarrage de wrangler dev (port ${PORT}, base locale neuve, données de démonstration)` +
    `${parties.size < ALL_PARTS.length ? ` ; parties ${[...parties].join(", ")}` : ""}…`,
);
const server = await startServer({
  port: PORT,
  stateDir: path.join(root, ".wrangler", "bench-state"),
  // The bench's entry: the production Worker plus the bench-only routes.
  extraArgs: ["--config", snapshotConfig(root, { entry: "bench/worker/index.ts", name: "bench-build" })],
});
const targets: [string, string, boolean][] = [];
try {
  if (runs(1)) {
    const ingestion = await benchIngestion(server.baseUrl, server.pid, { pushes: PUSHES, anneeScolaire, today });
    targets.push(...ingestion.targets);
    targets.push([
      `CPU < 1 s par envoi de ${PUSH_SIZE} (borne sup. : CPU de wrangler dev + workerd)`,
      ms(ingestion.cpuPipelineMs),
      ingestion.cpuPipelineMs < 1000,
    ]);
  }

  const ofa = await login(server.baseUrl, GESTI_EMAIL, DEMO_PASSWORD);
  if (runs(2)) {
    const dashboard = await benchDashboard(ofa, gesti.id, today);
    printTable(
      runs(1)
        ? `2. Tableau de bord d'un organisme (${(PUSHES * PUSH_SIZE).toLocaleString("fr-FR")} effectifs du banc + ceux de la démo), médianes`
        : "2. Tableau de bord d'un organisme (effectifs de la démo seulement : partie 1 non lancée), médianes",
      comparisonHeader,
      dashboard.map(comparisonRow),
    );
    for (const c of dashboard)
      targets.push([
        `${c.label} ≤ 3× le comptage brut`,
        `${(c.endpointMs / c.rawMs).toFixed(2)}×`,
        c.endpointMs <= 3 * c.rawMs,
      ]);
  }

  const liveDossiers = generateDossiers({
    count: LIVE_BATCH,
    seed: 4242,
    anneeScolaire,
    formateur: gesti,
    responsable: gesti,
    invalidRatio: 0,
    asOf: today,
  });
  // Parts 4–6 are measured before part 3 loads its million effectifs, and printed after it.
  const live = runs(4)
    ? liveSummary(
        await benchLive(ofa, gesti.id, {
          clients: LIVE_CLIENTS,
          pushes: LIVE_PUSHES,
          anneeScolaire,
          dossiers: liveDossiers,
        }),
      )
    : undefined;

  const region = gesti.region ?? "84";
  let perimetre: ReturnType<typeof perimetreSummary> | undefined;
  if (runs(5)) {
    const emetteurs = await emetteursOf(server.baseUrl, region, PERIMETRE_EMETTEURS, (organisme, seed) =>
      generateDossiers({
        count: LIVE_BATCH,
        seed,
        anneeScolaire,
        formateur: organisme,
        responsable: organisme,
        invalidRatio: 0,
        asOf: today,
      }),
    );
    const dreets = await login(server.baseUrl, DREETS_EMAIL, DEMO_PASSWORD);
    perimetre = perimetreSummary(
      await benchPerimetre(dreets, emetteurs, { clients: LIVE_CLIENTS, rounds: PERIMETRE_ROUNDS }),
    );
  }

  const missionLocale = runs(6)
    ? missionLocaleSummary(
        await benchMissionLocale(
          await login(server.baseUrl, MISSION_LOCALE_EMAIL, DEMO_PASSWORD),
          { key: DEMO_API_KEY, organismeId: gesti.id, dossiers: enRuptureAClermont(liveDossiers, today) },
          { clients: ML_CLIENTS, pushes: ML_PUSHES },
        ),
      )
    : undefined;

  // Part 7 before part 3 too: its million effectifs would be another load than the ERPs'.
  let concurrence: Awaited<ReturnType<typeof benchConcurrence>> | undefined;
  if (runs(7)) {
    const cles = await clesHorsRegion(server.baseUrl, region, 2 * CONCURRENT_ERPS);
    concurrence = await benchConcurrence(server.baseUrl, {
      erps: cles.slice(0, CONCURRENT_ERPS),
      raws: cles.slice(CONCURRENT_ERPS),
      seconds: CONCURRENT_SECONDS,
      slices: CONCURRENT_SLICES,
      anneeScolaire,
      today,
    });
  }

  // Part 8 before part 3 as well: the organisme's bare counts then read the same tables as in parts 1–2.
  let croissance: Awaited<ReturnType<typeof benchCroissance>> | undefined;
  if (runs(8)) {
    croissance = await benchCroissance(ofa, gesti.id, { tailles: TAILLES, anneeScolaire, date: today });
    for (const palier of croissance)
      printTable(
        `8. Organisme à ${palier.taille.toLocaleString("fr-FR")} effectifs (chargé en ${palier.loadSeconds.toFixed(0)} s), médianes`,
        comparisonHeader,
        palier.comparaisons.map(comparisonRow),
      );
  }

  if (runs(3)) {
    console.log(
      `\n3. Indicateurs nationaux — chargement de ${NATIONAL_EFFECTIFS.toLocaleString("fr-FR")} effectifs (intervalles de parcours générés dans D1)`,
    );
    const load = await loadNational(server.baseUrl, NATIONAL_EFFECTIFS, anneeScolaire);
    const { intervalles, compteursMois, variations } = load.volume;
    console.log(
      `   chargé en ${load.seconds.toFixed(0)} s ; la base compte ${intervalles.toLocaleString("fr-FR")} intervalles de parcours, ` +
        `${compteursMois.toLocaleString("fr-FR")} compteurs mensuels et ${variations.toLocaleString("fr-FR")} variations journalières (tenus par les déclencheurs)`,
    );
    const admin = await login(server.baseUrl, ADMIN_EMAIL, DEMO_PASSWORD);
    const national = await benchNational(admin, [`${month}-01`, today, lastDay], gesti.region ?? "84");
    printTable(
      "3. Indicateurs territoriaux sur 1 000 000 effectifs, médianes",
      comparisonHeader,
      national.map(comparisonRow),
    );
    const worst = Math.max(...national.map((c) => c.endpointMs));
    targets.push(["indicateurs nationaux < 1 s (pire date du mois)", ms(worst), worst < 1000]);
    // The last day of the month is the worst date of the counters (every day's changes since the 1st).
    const detail = await benchNationalDetail(admin, lastDay);
    printTable(
      "3 bis. Répartition par formation et listes nominatives nationales sur 1 000 000 effectifs, médianes",
      ["", "point d'accès", "compteurs nationaux", "rapport", "résultat"],
      detail.map(comparisonRow),
    );
    const pireRapport = Math.max(...detail.map((c) => c.endpointMs / c.rawMs));
    const pireDetail = Math.max(...detail.map((c) => c.endpointMs));
    targets.push([
      "formations et listes nationales < 10× les compteurs nationaux",
      `${pireRapport.toFixed(2)}×`,
      pireRapport < 10,
    ]);
    targets.push(["formations et listes nationales < 1 s", ms(pireDetail), pireDetail < 1000]);
  }

  if (runs(9)) {
    // Each line printed as soon as measured: the three national years take minutes to load.
    const ligne = (o: Octets) =>
      console.log(
        `   ${o.label} : ${o.effectifs.toLocaleString("fr-FR")} effectifs, ${(o.octets / 1e6).toFixed(1)} Mo, ` +
          `${Math.round(octetsParEffectif(o)).toLocaleString("fr-FR")} octets / effectif (${o.seconds.toFixed(0)} s)`,
      );
    console.log("\n9. Octets par effectif");
    const octets: Octets[] = [await octetsPipeline(server.baseUrl, { pushes: OCTETS_PUSHES, anneeScolaire, today })];
    ligne(octets[0]);
    const annees = [anneeScolaire, anneePrecedente(anneeScolaire), anneePrecedente(anneePrecedente(anneeScolaire))];
    for (const [k, annee] of annees.entries()) {
      if (k === 0 && runs(3)) continue; // part 3 loaded this year's million
      console.log(`\n9. Chargement national de ${NATIONAL_EFFECTIFS.toLocaleString("fr-FR")} effectifs en ${annee}`);
      octets.push(
        await octetsNational(server.baseUrl, {
          total: NATIONAL_EFFECTIFS,
          anneeScolaire: annee,
          premier: k * NATIONAL_EFFECTIFS,
        }),
      );
      ligne(octets[octets.length - 1]);
    }
    const total = await taille(server.baseUrl);
    printTable(
      "9. Octets par effectif (taille de la base D1 avant / après, toutes tables et index compris)",
      ["", "effectifs ajoutés", "octets ajoutés", "octets / effectif", "durée"],
      [
        ...octets.map((o) => [
          o.label,
          o.effectifs.toLocaleString("fr-FR"),
          `${(o.octets / 1e6).toFixed(1)} Mo`,
          Math.round(octetsParEffectif(o)).toLocaleString("fr-FR"),
          `${o.seconds.toFixed(0)} s`,
        ]),
        [
          "base entière à la fin",
          total.effectifs.toLocaleString("fr-FR"),
          `${(total.octets / 1e6).toFixed(1)} Mo`,
          Math.round(total.octets / total.effectifs).toLocaleString("fr-FR"),
          "",
        ],
      ],
    );
    const admin = await login(server.baseUrl, ADMIN_EMAIL, DEMO_PASSWORD);
    // Today and the month's last day (this year's counters), and a date in each earlier year.
    const dates = [today, lastDay, ...annees.slice(1).map((a) => `${Number(a.slice(0, 4)) + 1}-03-31`)];
    const national3 = await benchNational(admin, dates, region);
    printTable(
      `9 bis. Indicateurs nationaux sur 3 années scolaires × ${NATIONAL_EFFECTIFS.toLocaleString("fr-FR")} effectifs, médianes`,
      comparisonHeader,
      national3.map(comparisonRow),
    );
    const pire = Math.max(...national3.map((c) => c.endpointMs));
    targets.push(["indicateurs nationaux sur 3 années × 1 M effectifs < 50 ms (pire date)", ms(pire), pire < 50]);
  }

  if (live) {
    printTable(
      `4. Latence envoi → écran : ${LIVE_CLIENTS} tableaux de bord ouverts, ${LIVE_PUSHES} envois de ${LIVE_BATCH} dossiers`,
      ["mesurée depuis", "p50", "p99", "max"],
      [
        ["la fin de la réponse à l'ERP", ms(live.p50), ms(live.p99), ms(live.max)],
        ["le début de l'envoi de l'ERP", ms(live.p50Start), ms(live.p99Start), ""],
      ],
    );
    console.log("   (≤ 0 ms : le tableau de bord a reçu la transmission avant que l'ERP ait lu sa réponse)");
    targets.push(["latence envoi → écran p99 < 100 ms", ms(live.p99), live.p99 < 100]);
  }

  if (perimetre) {
    const envois = PERIMETRE_EMETTEURS * PERIMETRE_ROUNDS;
    printTable(
      `5. Latence envoi → tableaux de bord territoriaux : ${LIVE_CLIENTS} tableaux de bord d'une DREETS sur la région ${region}, ` +
        `${PERIMETRE_EMETTEURS} organismes qui envoient en même temps (${PERIMETRE_ROUNDS} tours, ${envois} envois de ${LIVE_BATCH} dossiers)`,
      ["mesurée depuis", "p50", "p99", "max"],
      [
        ["la fin de la réponse à l'ERP", ms(perimetre.p50), ms(perimetre.p99), ms(perimetre.max)],
        ["le début du tour d'envois", ms(perimetre.p50Start), ms(perimetre.p99Start), ""],
      ],
    );
    const recus =
      perimetre.messagesMin === perimetre.messagesMax
        ? `${perimetre.messagesMin}`
        : `${perimetre.messagesMin} à ${perimetre.messagesMax}`;
    console.log(
      `   messages reçus par tableau de bord : ${recus} pour ${envois} envois (regroupés, environ un par seconde)`,
    );
    targets.push(["latence envoi → tableau de bord territorial p99 < 1,5 s", ms(perimetre.p99), perimetre.p99 < 1500]);
  }

  if (missionLocale) {
    printTable(
      `6. Latence envoi → liste « Jeunes en rupture » : ${ML_CLIENTS} écrans de la Mission Locale de Clermont-Ferrand, ` +
        `${ML_PUSHES} envois successifs de ${LIVE_BATCH} jeunes en rupture de sa zone`,
      ["mesurée depuis", "p50", "p99", "max"],
      [["la fin de la réponse à l'ERP", ms(missionLocale.p50), ms(missionLocale.p99), ms(missionLocale.max)]],
    );
    console.log(
      `   messages reçus par écran : ${missionLocale.messagesMin}${missionLocale.messagesMin === missionLocale.messagesMax ? "" : ` à ${missionLocale.messagesMax}`} pour ${ML_PUSHES} envois`,
    );
    targets.push([
      "latence envoi → liste de la Mission Locale p99 < 1,5 s",
      ms(missionLocale.p99),
      missionLocale.p99 < 1500,
    ]);
  }

  if (concurrence) {
    const p = concurrenceSummary(concurrence.pipeline);
    const r = concurrenceSummary(concurrence.raw);
    const ratio = p.rate / r.rate;
    printTable(
      `7. ${concurrence.erps} ERP de ${concurrence.erps} organismes qui envoient en même temps des lots de ${PUSH_SIZE} dossiers ` +
        `(créations), ${CONCURRENT_SECONDS} s par côté` +
        `${CONCURRENT_SLICES > 1 ? ` en ${CONCURRENT_SLICES} tranches alternées` : " (le pipeline, puis le brut)"}, les envois commencés attendus`,
      ["", "dossiers / s", "envois", "p50 / envoi", "p99 / envoi", "statuts"],
      [
        [
          "pipeline complet (20 ERP)",
          Math.round(p.rate).toLocaleString("fr-FR"),
          String(p.pushes),
          ms(p.p50),
          ms(p.p99),
          p.statuses,
        ],
        [
          "écriture brute D1 (20 clients)",
          Math.round(r.rate).toLocaleString("fr-FR"),
          String(r.pushes),
          ms(r.p50),
          ms(r.p99),
          r.statuses,
        ],
        ["pipeline / brut", `${(ratio * 100).toFixed(0)} %`, "", "", "", ""],
      ],
    );
    console.log(
      `   créations acquittées aux ERP : ${concurrence.acknowledged.toLocaleString("fr-FR")} ; effectifs dans D1 pour leurs organismes : ` +
        `${concurrence.stored.toLocaleString("fr-FR")} ; perdus : ${concurrence.lost}`,
    );
    targets.push(["20 ERP en même temps : 0 réponse 5xx", `${p.errors5xx} × 5xx`, p.errors5xx === 0]);
    targets.push(["20 ERP en même temps : 0 dossier perdu", String(concurrence.lost), concurrence.lost === 0]);
  }

  if (croissance) {
    for (const palier of croissance) {
      const pire = palier.comparaisons.reduce((a, b) => (b.endpointMs / b.rawMs > a.endpointMs / a.rawMs ? b : a));
      targets.push([
        `organisme à ${palier.taille.toLocaleString("fr-FR")} effectifs : tout ≤ 2× le comptage brut (pire : ${pire.label})`,
        `${(pire.endpointMs / pire.rawMs).toFixed(2)}×`,
        pire.endpointMs <= 2 * pire.rawMs,
      ]);
    }
    const premiere = (p: (typeof croissance)[number]) =>
      p.comparaisons.find((c) => c.label === "Mes effectifs : 1re page")!.endpointMs;
    const croit = premiere(croissance[croissance.length - 1]) / premiere(croissance[0]);
    targets.push([
      `1re page de Mes effectifs à ${TAILLES[TAILLES.length - 1].toLocaleString("fr-FR")} / à ${TAILLES[0].toLocaleString("fr-FR")} effectifs ≤ 1,5× (ne croît pas avec la taille)`,
      `${croit.toFixed(2)}×`,
      croit <= 1.5,
    ]);
  }

  printTable(
    "Objectifs",
    ["objectif", "mesuré", ""],
    targets.map(([label, value, ok]) => [label, value, ok ? "atteint" : "MANQUÉ"]),
  );
  if (restarts.count)
    console.log(
      `\nAttention : wrangler dev a rechargé le Worker ${restarts.count} fois (fichiers modifiés pendant le banc) ; les mesures concernées sont perturbées.`,
    );
  console.log(`\nDurée totale du banc d'essai : ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(error);
  console.error(server.output().slice(-3000));
  process.exitCode = 1;
} finally {
  server.stop();
}
