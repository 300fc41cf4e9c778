// Who can see what of the learners in rupture (SPEC §10, issue 10 item 6), and the log of every nominative read.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArmlActivite, JeunesEnRupturePage } from "../../worker/domain/missions-locales";
import { APP_URL, apiFetch, createUser } from "../helpers/accounts";
import { sessionCookie } from "../connection/helpers";
import { CONSULTATION_MS } from "../../worker/data/downloads-log";
import { organismeAvecCle } from "../ingestion/helpers";
import {
  communeUnique,
  conseiller,
  createMissionLocale,
  dossierEnRupture,
  getJson,
  pousser,
  utilisateur,
  type MissionLocaleFixture,
  type Utilisateur,
} from "./helpers";

const regionUnique = () => `X${crypto.randomUUID().slice(0, 2).toUpperCase()}`;

interface DownloadRow {
  user_id: string;
  organisme_id: string | null;
  kind: string;
  rows: number | null;
  cible: string | null;
}

const downloads = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT user_id, organisme_id, kind, rows, cible FROM downloads_log WHERE user_id = ? ORDER BY id",
    )
      .bind(userId)
      .all<DownloadRow>()
  ).results;

describe("who sees the learners in rupture", () => {
  let ml: MissionLocaleFixture;
  let ml1: Utilisateur;
  let cfa: { organisme: { id: string; uai: string | null; siret: string }; key: string };
  let effectifId: string;
  beforeAll(async () => {
    const commune = communeUnique("Royat-Test");
    ml = await createMissionLocale({ communes: [commune] });
    ml1 = await conseiller(ml);
    cfa = await organismeAvecCle();
    [{ effectifId }] = await pousser(cfa.key, [
      dossierEnRupture(cfa.organisme, {
        nom: "Secret",
        prenom: "Yanis",
        commune: { insee: commune.insee, postal: commune.postal },
      }),
    ]);
  });

  it("a Mission Locale of another zone: 404 on the learner and its follow-up, never in its list", async () => {
    const autre = await conseiller(await createMissionLocale({ communes: [communeUnique()] }));
    const detail = await apiFetch(`/api/mission-locale/jeunes/${effectifId}`, { cookie: autre.cookie });
    expect(detail.status).toBe(404);
    expect(await detail.json()).toEqual({
      error: "Not Found",
      message: "Ce jeune n'est pas dans la liste de votre Mission Locale.",
    });
    const suivi = await apiFetch(`/api/mission-locale/jeunes/${effectifId}/suivi`, {
      cookie: autre.cookie,
      body: { etat: "contacte" },
    });
    expect(suivi.status).toBe(404);
    await suivi.body?.cancel();
    for (const onglet of ["rupturants", "nouveau_contrat", "abandons"]) {
      const page = await getJson<JeunesEnRupturePage>(`/api/mission-locale/jeunes?onglet=${onglet}`, autre.cookie);
      expect(page.total).toBe(0);
      expect(JSON.stringify(page)).not.toContain("SECRET");
    }
    const exported = await getJson<{ jeunes: unknown[] }>("/api/mission-locale/jeunes?export=csv", autre.cookie);
    expect(exported.jeunes).toEqual([]);
    expect(await downloads(autre.userId)).toMatchObject([{ kind: "mission-locale-csv", rows: 0 }]);
  });

  it("an OFA (of another organisme or of the learner's), a réseau, a DREETS, a DDETS, an ARML: 403; a visitor: 401", async () => {
    const autreOrganisme = await organismeAvecCle();
    const callers: [string, string][] = [
      [
        "OFA d'un autre organisme",
        (await utilisateur({ type: "ORGANISME_FORMATION", organismeId: autreOrganisme.organisme.id })).cookie,
      ],
      ["OFA du jeune", (await utilisateur({ type: "ORGANISME_FORMATION", organismeId: cfa.organisme.id })).cookie],
      ["réseau", (await utilisateur({ type: "RESEAU", reseau: "CCCA-BTP" })).cookie],
      ["DREETS", (await utilisateur({ type: "DREETS", codeRegion: "84" })).cookie],
      ["DDETS", (await utilisateur({ type: "DDETS", codeDepartement: "63" })).cookie],
      ["ARML", (await utilisateur({ type: "ARML", codeRegion: ml.codeRegion })).cookie],
    ];
    const pending = await createUser({
      organisation: { type: "MISSION_LOCALE", missionLocaleId: ml.id },
      status: "pending",
    });
    const requests: [string, unknown?][] = [
      ["/api/mission-locale/resume"],
      ["/api/mission-locale/jeunes"],
      ["/api/mission-locale/jeunes?export=xlsx"],
      [`/api/mission-locale/jeunes/${effectifId}`],
      [`/api/mission-locale/jeunes/${effectifId}/suivi`, { etat: "contacte" }],
    ];
    for (const [path, body] of requests) {
      for (const [who, cookie] of callers) {
        const response = await apiFetch(path, { cookie, body });
        expect(response.status, `${who} ${path}`).toBe(403);
        expect(JSON.stringify(await response.json())).not.toContain("SECRET");
      }
      const anonymous = await apiFetch(path, { body });
      expect(anonymous.status, `visiteur ${path}`).toBe(401);
      await anonymous.body?.cancel();
      const enAttente = await apiFetch(path, { cookie: await sessionCookie(pending.id), body });
      expect(enAttente.status, `compte en attente ${path}`).toBe(403);
      await enAttente.body?.cancel();
    }
    // Nor its live socket.
    for (const [who, cookie] of callers) {
      const response = await SELF.fetch(`${APP_URL}/api/mission-locale/live`, {
        headers: { Cookie: cookie, Origin: APP_URL, Upgrade: "websocket" },
      });
      expect(response.status, `${who} live`).toBe(403);
      expect(response.webSocket).toBeNull();
      await response.body?.cancel();
    }
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM downloads_log WHERE cible = ?")
      .bind(effectifId)
      .first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it("the CFA side is the organisme's only: another organisme's OFA gets 403 on it, 404 under its own", async () => {
    const autre = await organismeAvecCle();
    const intrus = await utilisateur({ type: "ORGANISME_FORMATION", organismeId: autre.organisme.id });
    const chez = await apiFetch(`/api/organismes/${cfa.organisme.id}/effectifs/${effectifId}/mission-locale`, {
      cookie: intrus.cookie,
    });
    expect(chez.status).toBe(403);
    await chez.body?.cancel();
    const sous = await apiFetch(`/api/organismes/${autre.organisme.id}/effectifs/${effectifId}/mission-locale`, {
      cookie: intrus.cookie,
    });
    expect(sous.status).toBe(404);
    await sous.body?.cancel();
  });

  it("logs every list page (not an empty one), every export and every consultation of a learner's contact details", async () => {
    const page = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes?q=secret", ml1.cookie);
    expect(page.total).toBe(1);
    await getJson("/api/mission-locale/jeunes?onglet=abandons", ml1.cookie); // empty: nothing shown, nothing logged
    await getJson("/api/mission-locale/jeunes?export=csv", ml1.cookie);
    await getJson("/api/mission-locale/jeunes?export=xlsx&rqth=1", ml1.cookie);
    await getJson(`/api/mission-locale/jeunes/${effectifId}`, ml1.cookie);
    // The open detail read again (the page's live refresh): the same consultation, not logged twice.
    await getJson(`/api/mission-locale/jeunes/${effectifId}`, ml1.cookie);
    const rows = await downloads(ml1.userId);
    expect(rows).toEqual([
      { user_id: ml1.userId, organisme_id: null, kind: "mission-locale-page", rows: 1, cible: expect.any(String) },
      { user_id: ml1.userId, organisme_id: null, kind: "mission-locale-csv", rows: 1, cible: expect.any(String) },
      { user_id: ml1.userId, organisme_id: null, kind: "mission-locale-xlsx", rows: 0, cible: expect.any(String) },
      {
        user_id: ml1.userId,
        organisme_id: cfa.organisme.id,
        kind: "mission-locale-contact",
        rows: 1,
        cible: effectifId,
      },
    ]);
    // Ten minutes later, it is a new consultation.
    await env.DB.prepare("UPDATE downloads_log SET at = ? WHERE user_id = ? AND kind = 'mission-locale-contact'")
      .bind(new Date(Date.now() - CONSULTATION_MS - 1000).toISOString(), ml1.userId)
      .run();
    await getJson(`/api/mission-locale/jeunes/${effectifId}`, ml1.cookie);
    expect((await downloads(ml1.userId)).filter((r) => r.kind === "mission-locale-contact")).toHaveLength(2);
    expect(JSON.parse(rows[0].cible!)).toEqual({ onglet: "rupturants", q: "secret" });
    expect(JSON.parse(rows[1].cible!)).toEqual({ onglet: "rupturants" });
    expect(JSON.parse(rows[2].cible!)).toEqual({ onglet: "rupturants", rqth: true });
  });
});

describe("GET /api/arml/missions-locales", () => {
  it("gives an ARML the counters of its région's Missions Locales only, without any learner; 403 for another région", async () => {
    const [region, autreRegion] = [regionUnique(), regionUnique()];
    const communes = [communeUnique(), communeUnique(), communeUnique()];
    const [a, b, ailleurs] = await Promise.all([
      createMissionLocale({ communes: [communes[0]], codeRegion: region, nom: "ML A" }),
      createMissionLocale({ communes: [communes[1]], codeRegion: region, nom: "ML B" }),
      createMissionLocale({ communes: [communes[2]], codeRegion: autreRegion, nom: "ML C" }),
    ]);
    const { organisme, key } = await organismeAvecCle();
    const home = (i: number) => ({ insee: communes[i].insee, postal: communes[i].postal });
    await pousser(key, [
      dossierEnRupture(organisme, { nom: "Visible", prenom: "Inès", commune: home(0) }),
      dossierEnRupture(organisme, { nom: "Visible", prenom: "Tom", commune: home(0), nouveauContratIlYA: 2 }),
      dossierEnRupture(organisme, { nom: "Ailleurs", commune: home(2) }),
    ]);
    const arml = await utilisateur({ type: "ARML", codeRegion: region, label: "ARML de test" });
    const activite = await getJson<ArmlActivite>("/api/arml/missions-locales", arml.cookie);
    expect(activite.region.code).toBe(region);
    expect(activite.missionsLocales.map((m) => m.id)).toEqual([a.id, b.id]);
    expect(activite.missionsLocales[0]).toMatchObject({
      onglets: { rupturants: 1, nouveau_contrat: 1, abandons: 0 },
      etats: { a_traiter: 1 },
      signales: 0,
    });
    expect(activite.missionsLocales[1].onglets).toEqual({ rupturants: 0, nouveau_contrat: 0, abandons: 0 });
    const text = JSON.stringify(activite);
    expect(text).not.toMatch(/VISIBLE|Inès|lea\.martin|0611223344|effectifId/);
    expect(text).not.toContain(ailleurs.id);
    // Its own région by name is fine; another is refused.
    expect((await getJson<ArmlActivite>(`/api/arml/missions-locales?region=${region}`, arml.cookie)).region.code).toBe(
      region,
    );
    const refus = await getJson<{ message: string }>(
      `/api/arml/missions-locales?region=${autreRegion}`,
      arml.cookie,
      403,
    );
    expect(refus.message).toBe("Vous n'avez accès qu'aux Missions Locales de votre région.");
    // No nominative read by an ARML.
    expect(await downloads(arml.userId)).toEqual([]);
  });

  it("is refused to a Mission Locale, a DREETS, an OFA (403) and a visitor (401)", async () => {
    const ml = await createMissionLocale({ communes: [communeUnique()] });
    for (const cookie of [
      (await conseiller(ml)).cookie,
      (await utilisateur({ type: "DREETS", codeRegion: "84" })).cookie,
      (await utilisateur({ type: "ORGANISME_FORMATION", organismeId: (await organismeAvecCle()).organisme.id })).cookie,
    ])
      await getJson("/api/arml/missions-locales", cookie, 403);
    const anonymous = await apiFetch("/api/arml/missions-locales");
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
  });
});
