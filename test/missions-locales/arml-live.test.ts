// An ARML's view live: a rupture pushed in the zone of one of its région's Missions Locales, or a follow-up state
// changed by one of them, reaches its socket; nothing from another région; another région's socket is refused.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ArmlActivite } from "../../worker/domain/missions-locales";
import { apiFetch, APP_URL } from "../helpers/accounts";
import { organismeAvecCle } from "../ingestion/helpers";
import {
  communeUnique,
  conseiller,
  createMissionLocale,
  getJson,
  openLive,
  ruptureDehorsPuisDedans,
  utilisateur,
} from "./helpers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("GET /api/arml/live", () => {
  it("tells the ARML of a rupture in its région and of a follow-up state changed, not of another région", async () => {
    const [ici, ailleurs] = [communeUnique(), communeUnique()];
    const ml = await createMissionLocale({ communes: [ici], codeRegion: "84" });
    await createMissionLocale({ communes: [ailleurs], codeRegion: "75" });
    const arml = await utilisateur({ type: "ARML", codeRegion: "84", label: "ARML de test" });
    const dedans = await organismeAvecCle();
    const dehors = await organismeAvecCle();
    await sleep(300); // the setup's own notifications are over
    const socket = await openLive("/api/arml/live", arml.cookie);

    // A rupture in another région: nothing; one in the zone of one of its Missions Locales: the view is told.
    const effectifId = await ruptureDehorsPuisDedans(socket, { ici, ailleurs }, { dedans, dehors });
    const vue = await getJson<ArmlActivite>("/api/arml/missions-locales", arml.cookie);
    expect(vue.missionsLocales.find((m) => m.id === ml.id)?.onglets.rupturants).toBe(1);

    // The Mission Locale takes the learner in hand: the ARML's counters per state change, and it is told.
    await sleep(1200); // past the hub's coalescing interval
    const { cookie } = await conseiller(ml);
    const changed = Date.now();
    const response = await apiFetch(`/api/mission-locale/jeunes/${effectifId}/suivi`, {
      cookie,
      body: { etat: "contacte" },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await socket.next((m) => m.type === "perimetre-changed" && m.receivedAt >= changed, 1500)).toBeDefined();
  });

  it("refuses another région's socket (403) and answers 426 without Upgrade", async () => {
    const arml = await utilisateur({ type: "ARML", codeRegion: "84", label: "ARML de test" });
    const autre = await SELF.fetch(`${APP_URL}/api/arml/live?region=75`, {
      headers: { Cookie: arml.cookie, Origin: APP_URL, Upgrade: "websocket" },
    });
    expect(autre.status).toBe(403);
    await autre.body?.cancel();
    const sansUpgrade = await SELF.fetch(`${APP_URL}/api/arml/live`, {
      headers: { Cookie: arml.cookie, Origin: APP_URL },
    });
    expect(sansUpgrade.status).toBe(426);
    await sansUpgrade.body?.cancel();
  });
});
