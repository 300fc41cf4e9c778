// A Mission Locale's worklist over real D1, after real ERP pushes (SPEC §10).
import { describe, expect, it } from "vitest";
import { database } from "../../worker/data/db";
import { candidatsRupture } from "../../worker/data/jeunes-en-rupture";
import { todayParis } from "../../worker/domain/dates";
import { debutFenetre } from "../../worker/domain/jeunes-en-rupture";
import type { JeuneEnRupture, JeunesEnRupturePage, OngletRupture } from "../../worker/domain/missions-locales";
import { createOrganisme } from "../helpers/accounts";
import { capturingD1, queryPlan } from "../helpers/plan";
import { organismeAvecCle } from "../ingestion/helpers";
import {
  addDays,
  CLERMONT,
  communeUnique,
  conseiller,
  createMissionLocale,
  dossierEnRupture,
  getJson,
  pousser,
} from "./helpers";

const liste = (cookie: string, onglet: OngletRupture = "rupturants", query = "") =>
  getJson<JeunesEnRupturePage>(`/api/mission-locale/jeunes?onglet=${onglet}&taille=200${query}`, cookie);

const ids = (page: JeunesEnRupturePage) => page.jeunes.map((j) => j.effectifId);

describe("GET /api/mission-locale/jeunes after ERP pushes", () => {
  it("lists a 19-year-old of Clermont-Ferrand whose only contract was broken 10 days ago, with the fields of SPEC §10", async () => {
    const ml = await createMissionLocale({ communes: [CLERMONT], nom: "Mission Locale de Clermont-Ferrand (test)" });
    const { cookie } = await conseiller(ml);
    const { organisme, key } = await organismeAvecCle({
      organisme: await createOrganisme({ enseigne: "CFA des Volcans", commune: "Clermont-Ferrand" }),
    });
    const [{ effectifId, statut }] = await pousser(key, [
      dossierEnRupture(organisme, { idErp: "ML-19", nom: "Dupuy", prenom: "Kylian", age: 19, ruptureIlYA: 10 }),
    ]);
    expect(statut).toBe("RUPTURANT");

    const page = await liste(cookie);
    const jeune = page.jeunes.find((j) => j.effectifId === effectifId);
    expect(jeune).toEqual({
      effectifId,
      nom: "DUPUY",
      prenom: "Kylian",
      sexe: null,
      age: 19,
      mineur: false,
      rqth: false,
      telephone: "0611223344",
      email: "lea.martin@exemple.fr",
      commune: { code: "63113", nom: "Clermont-Ferrand" },
      formation: "CAP PATISSIER",
      cfa: { id: organisme.id, nom: "CFA des Volcans", commune: "Clermont-Ferrand", contact: null },
      siretEmployeur: "98765432100017",
      dateRupture: addDays(todayParis(), -10),
      joursDepuisRupture: 10,
      onglet: "rupturants",
      etat: "a_traiter",
      recontacterLe: null,
      signaleAt: null,
    } satisfies JeuneEnRupture);
    // Only the fields SPEC §10 allows: no address, no NIR, no date of birth.
    expect(Object.keys(jeune!).sort()).toEqual(
      [
        "effectifId",
        "nom",
        "prenom",
        "sexe",
        "age",
        "mineur",
        "rqth",
        "telephone",
        "email",
        "commune",
        "formation",
        "cfa",
        "siretEmployeur",
        "dateRupture",
        "joursDepuisRupture",
        "onglet",
        "etat",
        "recontacterLe",
        "signaleAt",
      ].sort(),
    );
    expect(JSON.stringify(page)).not.toMatch(/rue des Gras|2050363113123|date_de_naissance/);
    expect(page.missionLocale.id).toBe(ml.id);
    expect(page.communes).toEqual([{ code: "63113", nom: "Clermont-Ferrand" }]);
    expect(page.cfas).toContainEqual({ id: organisme.id, nom: "CFA des Volcans" });
    expect(page.onglets.rupturants).toBeGreaterThanOrEqual(1);
  });

  it("moves the learner to « nouveau contrat signé » when the ERP pushes it again with a new contract", async () => {
    const commune = communeUnique();
    const ml = await createMissionLocale({ communes: [commune] });
    const { cookie } = await conseiller(ml);
    const { organisme, key } = await organismeAvecCle();
    const options = { idErp: "ML-NC", commune: { insee: commune.insee, postal: commune.postal }, ruptureIlYA: 20 };
    const [{ effectifId }] = await pousser(key, [dossierEnRupture(organisme, options)]);
    expect(ids(await liste(cookie))).toEqual([effectifId]);

    const [again] = await pousser(key, [dossierEnRupture(organisme, { ...options, nouveauContratIlYA: 2 })]);
    expect(again).toEqual({ effectifId, statut: "APPRENTI" });
    const rupturants = await liste(cookie);
    expect(ids(rupturants)).toEqual([]);
    expect(rupturants.onglets).toEqual({ rupturants: 0, nouveau_contrat: 1, abandons: 0 });
    const nouveau = await liste(cookie, "nouveau_contrat");
    expect(nouveau.jeunes).toMatchObject([
      { effectifId, onglet: "nouveau_contrat", dateRupture: addDays(todayParis(), -20), joursDepuisRupture: 20 },
    ]);
  });

  it("finds the learner by postal code when the dossier has no INSEE code", async () => {
    const commune = communeUnique("Bourg-sur-Test");
    const ml = await createMissionLocale({ communes: [commune] });
    const { cookie } = await conseiller(ml);
    const { organisme, key } = await organismeAvecCle();
    const [{ effectifId }] = await pousser(key, [
      dossierEnRupture(organisme, { commune: { insee: null, postal: commune.postal } }),
    ]);
    const page = await liste(cookie);
    expect(page.jeunes).toMatchObject([{ effectifId, commune: { code: null, nom: "Bourg-sur-Test" } }]);
    // A dossier with an INSEE code outside the zone is placed by it, not by its postal code.
    await pousser(key, [
      dossierEnRupture(organisme, { commune: { insee: communeUnique().insee, postal: commune.postal } }),
    ]);
    expect(ids(await liste(cookie))).toEqual([effectifId]);
  });

  it("never shows a learner of another zone, on any tab, nor one too old, nor one never in rupture", async () => {
    const [ici, ailleurs] = [communeUnique(), communeUnique()];
    const ml = await createMissionLocale({ communes: [ici] });
    const autre = await createMissionLocale({ communes: [ailleurs] });
    const { cookie } = await conseiller(ml);
    const { organisme, key } = await organismeAvecCle();
    const home = (c: typeof ici) => ({ insee: c.insee, postal: c.postal });
    const [dedans, dehors, vieux, rqth, mineur, quinze] = await pousser(key, [
      dossierEnRupture(organisme, { commune: home(ici) }),
      dossierEnRupture(organisme, { commune: home(ailleurs) }),
      dossierEnRupture(organisme, { commune: home(ici), age: 26 }),
      dossierEnRupture(organisme, { commune: home(ici), age: 40, rqth: true }),
      dossierEnRupture(organisme, { commune: home(ici), age: 16 }),
      dossierEnRupture(organisme, { commune: home(ici), age: 15 }),
      dossierEnRupture(organisme, {
        commune: home(ici),
        extra: { contrat_date_rupture: undefined, cause_rupture_contrat: undefined },
      }),
    ]);
    const page = await liste(cookie);
    expect(ids(page).sort()).toEqual([dedans, rqth, mineur].map((j) => j.effectifId).sort());
    expect(page.jeunes.find((j) => j.effectifId === mineur.effectifId)).toMatchObject({ age: 16, mineur: true });
    expect(page.jeunes.find((j) => j.effectifId === rqth.effectifId)).toMatchObject({ age: 40, rqth: true });
    for (const onglet of ["nouveau_contrat", "abandons"] as const) expect(ids(await liste(cookie, onglet))).toEqual([]);
    expect(ids(await liste((await conseiller(autre)).cookie))).toEqual([dehors.effectifId]);
    for (const j of [dehors, vieux, quinze]) await getJson(`/api/mission-locale/jeunes/${j.effectifId}`, cookie, 404);
  });

  it("shows a learner rupturant for more than 180 days on the abandons tab, and filters by commune, CFA, RQTH, minors", async () => {
    const [a, b] = [communeUnique("Aubière-Test"), communeUnique("Beaumont-Test")];
    const ml = await createMissionLocale({ communes: [a, b] });
    const { cookie } = await conseiller(ml);
    const cfa1 = await organismeAvecCle();
    const cfa2 = await organismeAvecCle();
    const [parti] = await pousser(cfa1.key, [
      dossierEnRupture(cfa1.organisme, { commune: { insee: a.insee, postal: a.postal }, ruptureIlYA: 200 }),
    ]);
    const [mineur, rqth] = await pousser(cfa2.key, [
      dossierEnRupture(cfa2.organisme, { commune: { insee: b.insee, postal: b.postal }, age: 17 }),
      dossierEnRupture(cfa2.organisme, { commune: { insee: a.insee, postal: a.postal }, age: 30, rqth: true }),
    ]);
    expect(parti.statut).toBe("ABANDON");
    const abandons = await liste(cookie, "abandons");
    expect(abandons.jeunes).toMatchObject([{ effectifId: parti.effectifId, joursDepuisRupture: 200 }]);
    expect(abandons.onglets).toEqual({ rupturants: 2, nouveau_contrat: 0, abandons: 1 });
    expect(ids(await liste(cookie, "rupturants", `&commune=${b.insee}`))).toEqual([mineur.effectifId]);
    expect(ids(await liste(cookie, "rupturants", `&cfa=${cfa2.organisme.id}`)).sort()).toEqual(
      [mineur.effectifId, rqth.effectifId].sort(),
    );
    expect(ids(await liste(cookie, "rupturants", "&rqth=1"))).toEqual([rqth.effectifId]);
    expect(ids(await liste(cookie, "rupturants", "&mineur=1"))).toEqual([mineur.effectifId]);
    expect(ids(await liste(cookie, "rupturants", "&q=beaumont"))).toEqual([mineur.effectifId]);
    const paged = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes?taille=1&page=2", cookie);
    expect(paged).toMatchObject({ total: 2, page: 2, pages: 2, taille: 1 });
    const refus = await getJson<{ error: string; message: string }>(
      "/api/mission-locale/jeunes?onglet=tous",
      cookie,
      400,
    );
    expect(refus.message).toBe("Onglet inconnu (attendu : rupturants, nouveau_contrat ou abandons).");
  });
});

describe("the candidates' statement", () => {
  it("reads the partial indexes of the learners in rupture (EXPLAIN QUERY PLAN)", async () => {
    const ml = await createMissionLocale({ communes: [communeUnique(), communeUnique()] });
    const { db, captured } = capturingD1();
    await candidatsRupture(database(db), ml.id, debutFenetre(todayParis()));
    expect(captured).toHaveLength(1);
    const plan = await queryPlan(captured[0]);
    expect(plan).toMatch(/effectifs_rupture_commune/);
    expect(plan).toMatch(/effectifs_rupture_code_postal/);
    // The zone's communes drive the loop: no learner is read outside them.
    expect(plan).not.toMatch(/\bSCAN e\b/);
  });
});
