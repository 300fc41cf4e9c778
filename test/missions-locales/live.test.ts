// The Mission Locale's worklist live (issue 10 item 4): a push that breaks a contract in the zone reaches its socket.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { JeunesEnRupturePage } from "../../worker/domain/missions-locales";
import { APP_URL } from "../helpers/accounts";
import { organismeAvecCle } from "../ingestion/helpers";
import {
  communeUnique,
  conseiller,
  createMissionLocale,
  dossierEnRupture,
  getJson,
  openLive,
  pousser,
  ruptureDehorsPuisDedans,
} from "./helpers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const openWorklist = (cookie: string) => openLive("/api/mission-locale/live", cookie);

describe("GET /api/mission-locale/live", () => {
  it("tells the Mission Locale of a rupture pushed in its zone within 1.5 s, and of none outside it", async () => {
    const [ici, ailleurs] = [communeUnique(), communeUnique()];
    const ml = await createMissionLocale({ communes: [ici] });
    await createMissionLocale({ communes: [ailleurs] });
    const { cookie } = await conseiller(ml);
    const dedans = await organismeAvecCle();
    const dehors = await organismeAvecCle();
    await sleep(300); // the setup's own notifications are over
    const socket = await openWorklist(cookie);

    // A rupture in another zone: nothing; one in the zone: the open worklist is told, and shows the learner.
    const effectifId = await ruptureDehorsPuisDedans(socket, { ici, ailleurs }, { dedans, dehors });
    const page = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes", cookie);
    expect(page.jeunes.map((j) => j.effectifId)).toEqual([effectifId]);
  });

  it("tells the Mission Locale when a push gives its learner a new contract (the learner leaves the list)", async () => {
    const commune = communeUnique();
    const ml = await createMissionLocale({ communes: [commune] });
    const { cookie } = await conseiller(ml);
    const { organisme, key } = await organismeAvecCle();
    const options = { idErp: "LIVE-1", commune: { insee: commune.insee, postal: commune.postal } };
    await pousser(key, [dossierEnRupture(organisme, options)]);
    await sleep(1200); // past the hub's coalescing interval
    const socket = await openWorklist(cookie);
    const started = Date.now();
    await pousser(key, [dossierEnRupture(organisme, { ...options, nouveauContratIlYA: 1 })]);
    expect(await socket.next((m) => m.type === "perimetre-changed" && m.receivedAt >= started, 1500)).toBeDefined();
    const page = await getJson<JeunesEnRupturePage>("/api/mission-locale/jeunes", cookie);
    expect(page.jeunes).toEqual([]);
    expect(page.onglets.nouveau_contrat).toBe(1);
  });

  it("answers 426 without Upgrade", async () => {
    const ml = await createMissionLocale({ communes: [communeUnique()] });
    const { cookie } = await conseiller(ml);
    const response = await SELF.fetch(`${APP_URL}/api/mission-locale/live`, {
      headers: { Cookie: cookie, Origin: APP_URL },
    });
    expect(response.status).toBe(426);
    await response.body?.cancel();
  });
});
