// The follow-up of a learner in rupture: the Mission Locale's changes of state, signed and in a history, its
// counters, and the CFA's signalement (SPEC §10).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { todayParis } from "../../worker/domain/dates";
import type {
  JeuneEnRuptureDetail,
  JeunesEnRupturePage,
  MissionLocaleTableau,
  SuiviCoteCfa,
} from "../../worker/domain/missions-locales";
import { apiFetch } from "../helpers/accounts";
import { organismeAvecCle } from "../ingestion/helpers";
import {
  addDays,
  communeUnique,
  conseiller,
  createMissionLocale,
  dossierEnRupture,
  getJson,
  pousser,
  utilisateur,
} from "./helpers";

/** A Mission Locale, one of its advisers, a CFA with its key and learners in rupture in the zone. */
async function zone(ruptures: number[] = [10]) {
  const commune = communeUnique("Chamalières-Test");
  const ml = await createMissionLocale({ communes: [commune], nom: "Mission Locale des Dômes" });
  const ml1 = await conseiller(ml, { prenom: "Nadia", nom: "Roux" });
  const { organisme, key } = await organismeAvecCle();
  const jeunes = await pousser(
    key,
    ruptures.map((ruptureIlYA, i) =>
      dossierEnRupture(organisme, {
        nom: `Jeune${i}`,
        commune: { insee: commune.insee, postal: commune.postal },
        ruptureIlYA,
      }),
    ),
  );
  return { ml, ml1, organisme, key, jeunes: jeunes.map((j) => j.effectifId) };
}

const changer = (cookie: string, effectifId: string, body: unknown) =>
  apiFetch(`/api/mission-locale/jeunes/${effectifId}/suivi`, { cookie, body });

describe("POST /api/mission-locale/jeunes/:effectifId/suivi", () => {
  it("records each change of state with its note, dated and signed, in the history the Mission Locale reads", async () => {
    const { ml1, jeunes } = await zone();
    const before = new Date().toISOString();
    const response = await changer(ml1.cookie, jeunes[0], { etat: "contacte", note: "  Appelé ce matin.  " });
    expect(response.status).toBe(200);
    const detail = (await response.json()) as JeuneEnRuptureDetail;
    expect(detail.jeune).toMatchObject({ effectifId: jeunes[0], etat: "contacte" });
    expect(detail.historique).toEqual([
      {
        at: expect.any(String),
        auteur: "Nadia Roux (Mission Locale des Dômes)",
        cote: "mission_locale",
        etat: "contacte",
        recontacterLe: null,
        motif: null,
        contactNom: null,
        contactTelephone: null,
        note: "Appelé ce matin.",
      },
    ]);
    expect(detail.historique[0].at >= before).toBe(true);

    const date = addDays(todayParis(), 7);
    const second = await changer(ml1.cookie, jeunes[0], { etat: "a_recontacter", recontacterLe: date });
    expect(second.status).toBe(200);
    await second.body?.cancel();
    const lu = await getJson<JeuneEnRuptureDetail>(`/api/mission-locale/jeunes/${jeunes[0]}`, ml1.cookie);
    expect(lu.jeune).toMatchObject({ etat: "a_recontacter", recontacterLe: date });
    expect(lu.historique.map((e) => [e.etat, e.recontacterLe, e.note])).toEqual([
      ["contacte", null, "Appelé ce matin."],
      ["a_recontacter", date, null],
    ]);
    const page = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes?etat=a_recontacter", ml1.cookie);
    expect(page.jeunes.map((j) => j.effectifId)).toEqual([jeunes[0]]);
  });

  it("refuses « à recontacter » without a date, an unknown state, a note too long or a bad date, in French", async () => {
    const { ml1, jeunes } = await zone();
    const refus = async (body: unknown) => {
      const response = await changer(ml1.cookie, jeunes[0], body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      return (await response.json()) as { error: string; message: string; field?: string };
    };
    expect(await refus({ etat: "a_recontacter" })).toEqual({
      error: "Bad Request",
      message: "Indiquez la date à laquelle recontacter le jeune.",
      field: "recontacterLe",
    });
    expect(await refus({ etat: "perdu" })).toMatchObject({ message: "Choisissez l'état du suivi.", field: "etat" });
    expect(await refus({ etat: "contacte", note: "x".repeat(1001) })).toMatchObject({
      message: "La note est trop longue (1000 caractères au plus).",
    });
    expect((await refus({ etat: "a_recontacter", recontacterLe: "2026-02-30" })).field).toBe("recontacterLe");
    // Nothing was written.
    const lu = await getJson<JeuneEnRuptureDetail>(`/api/mission-locale/jeunes/${jeunes[0]}`, ml1.cookie);
    expect(lu).toMatchObject({ jeune: { etat: "a_traiter" }, historique: [] });
  });

  it("counts the learners in rupture per state on the dashboard and on the list", async () => {
    const { ml1, jeunes } = await zone([5, 10, 15, 20]);
    const today = todayParis();
    for (const [effectifId, body] of [
      [jeunes[0], { etat: "contacte" }],
      [jeunes[1], { etat: "a_recontacter", recontacterLe: today }],
      [jeunes[2], { etat: "injoignable" }],
    ] as const) {
      const response = await changer(ml1.cookie, effectifId, body);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    const etats = {
      a_traiter: 1,
      a_recontacter: 1,
      contacte: 1,
      accompagnement_demarre: 0,
      injoignable: 1,
      refus: 0,
      deja_accompagne: 0,
    };
    const tableau = await getJson<MissionLocaleTableau>("/api/mission-locale/resume", ml1.cookie);
    expect(tableau).toMatchObject({
      aujourdhui: today,
      onglets: { rupturants: 4, nouveau_contrat: 0, abandons: 0 },
      etats,
      signales: 0,
      aRecontacterAujourdhui: 1,
    });
    expect((await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes", ml1.cookie)).etats).toEqual(etats);
  });
});

describe("POST /api/organismes/:id/effectifs/:effectifId/mission-locale/signalement", () => {
  it("flags the learner at the top of the Mission Locale's list; both sides see the exchange; the CFA hears of a change", async () => {
    // The signalled learner's rupture is the oldest: the signalement puts it first all the same.
    const { ml, ml1, organisme, jeunes } = await zone([40, 3, 10]);
    const cfa = await utilisateur(
      { type: "ORGANISME_FORMATION", organismeId: organisme.id },
      { prenom: "Odile", nom: "Martin" },
    );
    const base = `/api/organismes/${organisme.id}/effectifs/${jeunes[0]}/mission-locale`;

    const avant = await getJson<SuiviCoteCfa>(base, cfa.cookie);
    expect(avant).toMatchObject({
      missionLocale: { id: ml.id, nom: ml.nom },
      situation: { onglet: "rupturants", joursDepuisRupture: 40 },
      etat: null,
      signaleAt: null,
      historique: [],
    });

    const signalement = {
      motif: "recherche_employeur",
      note: "Cherche un employeur en boulangerie.",
      contactNom: "Odile Martin",
      contactTelephone: "04 73 00 00 01",
    };
    const response = await apiFetch(`${base}/signalement`, { cookie: cfa.cookie, body: signalement });
    expect(response.status).toBe(200);
    const vue = (await response.json()) as SuiviCoteCfa;
    expect(vue).toMatchObject({ etat: "a_traiter", signaleAt: expect.any(String) });
    expect(vue.historique).toEqual([
      {
        at: vue.signaleAt,
        auteur: expect.stringMatching(/^Odile Martin \(/),
        cote: "cfa",
        etat: null,
        recontacterLe: null,
        ...signalement,
      },
    ]);

    const page = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes", ml1.cookie);
    expect(page.jeunes.map((j) => j.effectifId)).toEqual([jeunes[0], jeunes[1], jeunes[2]]);
    expect(page.jeunes[0]).toMatchObject({
      signaleAt: vue.signaleAt,
      cfa: { id: organisme.id, contact: "Odile Martin — 04 73 00 00 01" },
    });
    expect((await getJson<MissionLocaleTableau>("/api/mission-locale/resume", ml1.cookie)).signales).toBe(1);

    // The Mission Locale answers: the CFA sees the state and the whole exchange, and gets one e-mail without names.
    const change = await changer(ml1.cookie, jeunes[0], {
      etat: "accompagnement_demarre",
      note: "Premier rendez-vous fait.",
    });
    expect(change.status).toBe(200);
    const detail = (await change.json()) as JeuneEnRuptureDetail;
    expect(detail.historique.map((e) => e.cote)).toEqual(["cfa", "mission_locale"]);
    const apres = await getJson<SuiviCoteCfa>(base, cfa.cookie);
    expect(apres).toMatchObject({ etat: "accompagnement_demarre", signaleAt: vue.signaleAt });
    expect(apres.historique.map((e) => [e.cote, e.etat, e.note])).toEqual([
      ["cfa", null, "Cherche un employeur en boulangerie."],
      ["mission_locale", "accompagnement_demarre", "Premier rendez-vous fait."],
    ]);
    const { results } = await env.DB.prepare('SELECT subject, body FROM outbox_emails WHERE "to" = ?')
      .bind(cfa.email)
      .all<{ subject: string; body: string }>();
    expect(results).toHaveLength(1);
    expect(results[0].subject).toBe("Le suivi d'un jeune que vous avez signalé a évolué");
    expect(results[0].body).toContain(ml.nom);
    expect(results[0].body).not.toMatch(/JEUNE0|Léa|Martin Léa/i);
  });

  it("refuses a learner with a new contract, an incomplete signalement, and another organisme's OFA", async () => {
    const commune = communeUnique();
    const ml = await createMissionLocale({ communes: [commune] });
    const { organisme, key } = await organismeAvecCle();
    const home = { insee: commune.insee, postal: commune.postal };
    const [repris, rupture] = await pousser(key, [
      dossierEnRupture(organisme, { commune: home, nouveauContratIlYA: 3 }),
      dossierEnRupture(organisme, { commune: home }),
    ]);
    const cfa = await utilisateur({ type: "ORGANISME_FORMATION", organismeId: organisme.id });
    const url = (id: string, organismeId = organisme.id) =>
      `/api/organismes/${organismeId}/effectifs/${id}/mission-locale/signalement`;
    const body = { motif: "orientation", contactNom: "Odile Martin", contactTelephone: "0473000001" };
    const refus = async (path: string, cookie: string, payload: unknown, status: number) => {
      const response = await apiFetch(path, { cookie, body: payload });
      expect(response.status, path).toBe(status);
      return (await response.json()) as { message: string };
    };
    expect((await refus(url(repris.effectifId), cfa.cookie, body, 400)).message).toBe(
      "Seul un jeune en rupture de contrat (ou sorti après une rupture) peut être signalé.",
    );
    expect((await refus(url(rupture.effectifId), cfa.cookie, { ...body, contactNom: " " }, 400)).message).toBe(
      "Indiquez le nom de la personne à contacter au CFA.",
    );
    expect((await refus(url(rupture.effectifId), cfa.cookie, { ...body, motif: "autre chose" }, 400)).message).toBe(
      "Choisissez le motif du signalement.",
    );
    const autre = await organismeAvecCle();
    const intrus = await utilisateur({ type: "ORGANISME_FORMATION", organismeId: autre.organisme.id });
    await refus(url(rupture.effectifId), intrus.cookie, body, 403);
    await refus(url(rupture.effectifId, autre.organisme.id), intrus.cookie, body, 404);
    const suivis = await env.DB.prepare("SELECT COUNT(*) AS n FROM suivis_mission_locale WHERE mission_locale_id = ?")
      .bind(ml.id)
      .first<{ n: number }>();
    expect(suivis!.n).toBe(0);
  });
});
