// The demo data of the Missions Locales: their référentiel and zones, the two accounts, a worklist with every tab.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { MISSIONS_LOCALES, ML_CLERMONT_ID } from "../../db/demo/missions-locales";
import { DEPARTEMENTS } from "../../db/demo/territoires";
import { DEMO_PASSWORD } from "../../tools/demo/comptes";
import type { ArmlActivite, JeunesEnRupturePage, MissionLocaleTableau } from "../../worker/domain/missions-locales";
import { apiFetch, loginAs } from "../helpers/accounts";
import { seed } from "./seed-demo";

const get = async <T>(path: string, cookie: string) => {
  const response = await apiFetch(path, { cookie });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

describe("the demo data of the Missions Locales", () => {
  let ml: string;
  beforeAll(async () => {
    await seed();
    ml = await loginAs("mission-locale@example.fr", DEMO_PASSWORD);
  });

  it("has the Missions Locales of the Puy-de-Dôme and the Rhône; Clermont-Ferrand's covers every demo commune of the 63", async () => {
    const { results } = await env.DB.prepare(
      "SELECT id, code_departement AS dep, code_region AS region FROM missions_locales ORDER BY id",
    ).all<{ id: string; dep: string; region: string }>();
    expect(results.length).toBe(MISSIONS_LOCALES.length);
    expect(results.filter((r) => r.dep === "63").length).toBeGreaterThanOrEqual(2);
    expect(results.filter((r) => r.dep === "69").length).toBeGreaterThanOrEqual(2);
    const zone = await env.DB.prepare(
      "SELECT code_insee, code_postal FROM mission_locale_communes WHERE mission_locale_id = ?",
    )
      .bind(ML_CLERMONT_ID)
      .all<{ code_insee: string; code_postal: string }>();
    const codes = zone.results.map((c) => `${c.code_insee}/${c.code_postal}`);
    for (const commune of DEPARTEMENTS.find((d) => d.code === "63")!.communes)
      expect(codes).toContain(`${commune.codeInsee}/${commune.codePostal}`);
    // Zones do not overlap.
    const overlap = await env.DB.prepare(
      "SELECT code_insee FROM mission_locale_communes GROUP BY code_insee HAVING COUNT(DISTINCT mission_locale_id) > 1",
    ).all();
    expect(overlap.results).toEqual([]);
  });

  it("gives mission-locale@example.fr a worklist with every tab, several CFA, a minor, RQTH past 25, a signalement", async () => {
    const page = await get<JeunesEnRupturePage>("/api/mission-locale/jeunes?taille=200", ml);
    expect(page.missionLocale.nom).toBe("Mission Locale de Clermont-Ferrand");
    expect(page.onglets.rupturants).toBeGreaterThanOrEqual(5);
    expect(page.onglets.nouveau_contrat).toBeGreaterThanOrEqual(1);
    expect(page.onglets.abandons).toBeGreaterThanOrEqual(1);
    const jeunes = page.jeunes;
    expect(new Set(jeunes.map((j) => j.cfa.id)).size).toBeGreaterThanOrEqual(2);
    expect(jeunes.some((j) => j.mineur)).toBe(true);
    expect(jeunes.some((j) => j.rqth && j.age > 25)).toBe(true);
    expect(jeunes.every((j) => j.rqth || (j.age >= 16 && j.age <= 25))).toBe(true);
    expect(jeunes.some((j) => j.commune.code === null && j.commune.nom === "Clermont-Ferrand")).toBe(true);
    // The signalled learner first, then the most recent ruptures.
    expect(jeunes[0]).toMatchObject({ nom: "CHASSAGNE", signaleAt: expect.any(String) });
    const rest = jeunes.slice(1).map((j) => j.dateRupture);
    expect(rest).toEqual([...rest].sort().reverse());
    // Not the learner of Lyon, nor the one past 25 without RQTH.
    expect(jeunes.map((j) => j.nom)).not.toContain("BERTHIER");
    expect(jeunes.map((j) => j.nom)).not.toContain("MANRY");

    const nouveau = await get<JeunesEnRupturePage>("/api/mission-locale/jeunes?onglet=nouveau_contrat", ml);
    expect(nouveau.jeunes.map((j) => j.nom)).toContain("TIXIER");
    const abandons = await get<JeunesEnRupturePage>("/api/mission-locale/jeunes?onglet=abandons", ml);
    expect(abandons.jeunes.find((j) => j.nom === "COUDERC")?.joursDepuisRupture).toBeGreaterThan(180);

    const tableau = await get<MissionLocaleTableau>("/api/mission-locale/resume", ml);
    expect(tableau.etats).toMatchObject({ contacte: 1, accompagnement_demarre: 1, a_recontacter: 1 });
    expect(tableau).toMatchObject({ signales: 1, aRecontacterAujourdhui: 1 });
  });

  it("gives arml@example.fr the Missions Locales of Auvergne-Rhône-Alpes only, with the learner of Lyon counted", async () => {
    const arml = await loginAs("arml@example.fr", DEMO_PASSWORD);
    const activite = await get<ArmlActivite>("/api/arml/missions-locales", arml);
    expect(activite.region).toEqual({ code: "84", nom: "Auvergne-Rhône-Alpes" });
    expect(activite.missionsLocales.map((m) => m.id).sort()).toEqual(
      MISSIONS_LOCALES.filter((m) => m.codeRegion === "84")
        .map((m) => m.id)
        .sort(),
    );
    const lyon = activite.missionsLocales.find((m) => m.nom === "Mission Locale de Lyon")!;
    expect(lyon.onglets.rupturants).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(activite)).not.toMatch(/BERTHIER|CHASSAGNE/);
  });
});
