// Issue 5: the dashboard and "Mes effectifs" are open while the ERP simulator pushes 500 records;
// the counters and the table change without reload, to the values the ERP's own report implies.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import { hasText, login, until } from "../helpers.mjs";

export const name = "tableau de bord et Mes effectifs en direct pendant que le simulateur d'ERP pousse 500 dossiers";

const DEMO_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";
const root = path.resolve(import.meta.dirname, "../..");

const counters = async (page) => (await page.locator("[data-compteur] .counter").allTextContents()).map(Number);
const total = async (page) => Number(((await page.locator("#nombre-dossiers").textContent()) ?? "").match(/\d+/)?.[0]);

/** What the simulator's report says was created, by statut, as the five counters (SPEC §6). */
function expectedDelta(reportCsv) {
  const lines = reportCsv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((l) => l.split(";"));
  const count = (label) => lines.filter((l) => l[7] === "Transmis sur TBA" && l[3] === label).length;
  const apprentis = count("En contrat") + count("Fin de formation");
  const inscrits = count("Inscrit");
  const rupturants = count("Rupturant");
  return {
    lines: lines.length,
    counters: [apprentis + inscrits + rupturants, apprentis, rupturants, inscrits, count("Abandon")],
  };
}

export default async function ({ newPage, baseUrl }) {
  const dashboard = await newPage();
  await login(dashboard, "ofa-gesti@example.fr");
  await dashboard.goto("/tableau-de-bord");
  await hasText(dashboard.locator("#etat-direct"), "Mis à jour en direct");
  await until(async () => (await counters(dashboard))[0] > 0, "les compteurs de démonstration doivent s'afficher");
  const before = await counters(dashboard);

  const table = await newPage();
  await table.goto("/effectifs");
  await until(async () => (await total(table)) > 0, "le nombre de dossiers doit s'afficher");
  const rowsBefore = await total(table);
  await dashboard.bringToFront();

  const report = path.join(tmpdir(), `rapport-e2e-${Date.now()}.csv`);
  execFileSync(
    "npx",
    [
      "tsx",
      "tools/erp-simulator.ts",
      "--key",
      DEMO_KEY,
      "--url",
      baseUrl,
      "--count",
      "500",
      "--seed",
      "4242",
      "--out",
      report,
      "--quiet",
    ],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
  const delta = expectedDelta(readFileSync(report, "utf8"));
  rmSync(report, { force: true });
  if (delta.lines !== 500) throw new Error(`le rapport doit compter 500 lignes, il en a ${delta.lines}`);

  const expected = before.map((n, i) => n + delta.counters[i]);
  await until(
    async () => (await counters(dashboard)).join() === expected.join(),
    `compteurs attendus ${expected.join(", ")}`,
    5000,
  );
  await until(
    async () => (await total(table)) === rowsBefore + 500,
    `Mes effectifs doit passer de ${rowsBefore} à ${rowsBefore + 500} dossiers`,
    5000,
  );
  if (!dashboard.url().endsWith("/tableau-de-bord"))
    throw new Error("la page ne doit pas avoir été rechargée ni quittée");
}
