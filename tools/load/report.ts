/**
 * The run's report: the pushes' throughput and latency, the statuses of every group of requests (the failures the
 * kill explains apart), the 5xx bodies grouped, the records lost, and what fails the run.
 */
import { ms, percentile, printTable } from "../../bench/stats";
import type { LossCount } from "./acknowledgements";
import { ERP_PUSHES, type LoggedRequest, type RequestLog } from "./request-log";

export interface Verdict {
  /** 5xx that the kill does not explain */
  serverErrors: number;
  /** connections cut and timeouts that the kill does not explain: a crash or a hang hides a 5xx */
  failedRequests: number;
  lost: number;
}

const fr = (n: number) => n.toLocaleString("fr-FR");
const seconds = (value: number) => `${(value / 1000).toFixed(1).replace(".", ",")} s`;

export function printReport(
  requests: RequestLog,
  lost: LossCount,
  run: { pushMs: number; erps: string; firstPush: number },
): Verdict {
  const all = requests.requests;
  const counted = all.filter((r) => !requests.failedByKill(r));
  const pushes = all.filter((r) => r.group === ERP_PUSHES);
  const answered = pushes.filter((r) => r.outcome === 200).map((r) => r.end - r.start);
  const acknowledged = pushes.reduce((sum, r) => sum + r.acknowledged, 0);

  console.log(`\nSuite de charge — ${fr(all.length)} requêtes en ${seconds(run.pushMs)} d'envois (${run.erps})`);
  const w = requests.killWindow;
  if (w)
    console.log(
      `wrangler dev tué (SIGKILL) à ${seconds(w.from - run.firstPush)}, de nouveau prêt ${seconds(w.to - w.from)} plus tard, sur le même état`,
    );
  console.log(
    `Envois des ERP : ${fr(pushes.length)} requêtes, ${fr(acknowledged)} dossiers acquittés, ` +
      `${fr(Math.round((acknowledged * 1000) / run.pushMs))} dossiers/s` +
      (answered.length
        ? `, latence des réponses 200 p50 ${ms(percentile(answered, 50))} · p99 ${ms(percentile(answered, 99))}`
        : ""),
  );

  const codes = [...new Set(counted.map((r) => r.outcome))].sort((a, b) => String(a).localeCompare(String(b)));
  const groups = [...new Set(all.map((r) => r.group))];
  printTable(
    "Statuts par groupe de requêtes (« échecs de l'arrêt » : connexion coupée ou 5xx d'une requête en vol entre le SIGKILL et le redémarrage)",
    ["groupe", "requêtes", ...codes.map(String), "échecs de l'arrêt", "durée max"],
    groups.map((group) => {
      const ofGroup = all.filter((r) => r.group === group);
      const count = (outcome: LoggedRequest["outcome"]) =>
        counted.filter((r) => r.group === group && r.outcome === outcome).length;
      return [
        group,
        fr(ofGroup.length),
        ...codes.map((code) => (count(code) ? fr(count(code)) : "")),
        fr(ofGroup.filter((r) => requests.failedByKill(r)).length),
        ms(Math.max(...ofGroup.map((r) => r.end - r.start))),
      ];
    }),
  );
  const inKill = all.filter((r) => requests.failedByKill(r));
  if (inKill.length) console.log(`Échecs de l'arrêt : ${tally(inKill.map((r) => String(r.outcome)))}`);

  const errors = all.filter((r) => typeof r.outcome === "number" && r.outcome >= 500);
  if (errors.length) {
    const byBody = new Map<string, LoggedRequest[]>();
    for (const r of errors) {
      const key = `${r.outcome} ${r.body ?? ""}`;
      byBody.set(key, [...(byBody.get(key) ?? []), r]);
    }
    console.log("\nRéponses 5xx, groupées par statut et début du corps (200 caractères) :");
    for (const [key, list] of [...byBody].sort((a, b) => b[1].length - a[1].length)) {
      const during = list.filter((r) => requests.failedByKill(r)).length;
      console.log(
        `  ${fr(list.length)} × ${key}\n      ${tally(list.map((r) => r.group))}${during ? ` ; dont ${during} pendant l'arrêt` : ""}`,
      );
    }
  }

  console.log(
    `\nEnregistrements : ${fr(lost.acknowledged)} apprenants acquittés au moins une fois ; ` +
      `perdus ${fr(lost.missing + lost.stale)} (${fr(lost.missing)} absents, ${fr(lost.stale)} avec une valeur dépassée)`,
  );
  for (const example of lost.examples) console.log(`  ${example}`);

  return {
    serverErrors: counted.filter((r) => typeof r.outcome === "number" && r.outcome >= 500).length,
    failedRequests: counted.filter((r) => typeof r.outcome !== "number").length,
    lost: lost.missing + lost.stale,
  };
}

/** "12 × a, 3 × b", most frequent first. */
function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([v, n]) => `${fr(n)} × ${v}`)
    .join(", ");
}
