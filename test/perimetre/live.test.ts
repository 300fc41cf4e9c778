import { env, SELF } from "cloudflare:test";
import { describe, expect, it, onTestFinished } from "vitest";
import { database } from "../../worker/data/db";
import { perimetresOfOrganismes } from "../../worker/data/perimetres-organisme";
import { sha256Hex } from "../../worker/lib/crypto";
import { APP_URL, createOrganisme, createUser, type OrganisationFixture } from "../helpers/accounts";
import { call, discardUnreadBody, sessionCookie } from "../connection/helpers";
import { confirmConnection, dossier, organismeAvecCle, push } from "../ingestion/helpers";

interface Received {
  type: string;
  organismeIds?: string[];
  /** when the test received it (ms) */
  receivedAt: number;
}

/** Territory codes of their own, so that the tests sharing this file's D1 do not hear each other's pushes. */
const territoire = () => {
  const n = crypto.randomUUID().slice(0, 8);
  return { region: `R-${n}`, departement: `D-${n}`, academie: `A-${n}` };
};

const utilisateur = async (organisation: OrganisationFixture) => sessionCookie((await createUser({ organisation })).id);

/**
 * Opens `/api/perimetre/live` and collects its messages with their arrival time. Closed when the test ends (if the
 * test did not), waiting for the hub's answer.
 */
async function openPerimetre(cookie: string, options: { origin?: string | null; upgrade?: boolean } = {}) {
  const origin = options.origin === undefined ? APP_URL : options.origin;
  const headers: Record<string, string> = { Cookie: cookie };
  if (options.upgrade ?? true) headers.Upgrade = "websocket";
  if (origin) headers.Origin = origin;
  const response = discardUnreadBody(await SELF.fetch(`${APP_URL}/api/perimetre/live`, { headers }));
  const ws = response.webSocket;
  if (!ws) return { response, socket: null };
  const closed = new Promise<CloseEvent>((resolve) => ws.addEventListener("close", resolve));
  const close = async () => {
    if (ws.readyState === WebSocket.OPEN) ws.close(1000, "fin");
    return closed;
  };
  onTestFinished(async () => {
    await close();
  });
  const messages: Received[] = [];
  ws.addEventListener("message", (event) => {
    if (event.data !== "pong") messages.push({ ...JSON.parse(event.data as string), receivedAt: Date.now() });
  });
  ws.accept();
  /** The first message matching `predicate`, or undefined after `timeoutMs`. */
  async function next(predicate: (m: Received) => boolean, timeoutMs = 2000): Promise<Received | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return { response, socket: { ws, messages, next, close, closed } };
}

/** An open perimeter socket (its snapshot received). */
async function dashboard(cookie: string) {
  const { response, socket } = await openPerimetre(cookie);
  if (!socket) throw new Error(`socket refused: ${response.status}`);
  expect(await socket.next((m) => m.type === "snapshot")).toBeDefined();
  return socket;
}

const changedSince = (since: number, organismeId: string) => (m: Received) =>
  m.type === "perimetre-changed" && m.receivedAt >= since && (m.organismeIds ?? []).includes(organismeId);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pushed(key: string, organisme: { uai: string | null; siret: string }, id = "A1") {
  const response = await push(key, [dossier(organisme, { id_erp_apprenant: id })]);
  expect(response.status).toBe(200);
  await response.body?.cancel();
  return Date.now();
}

describe("the perimeters an organisme's change reaches", () => {
  it("are its territories, its réseaux, national, and the same for the responsables it is a formateur of", async () => {
    const [ici, la] = [territoire(), territoire()];
    const responsable = await createOrganisme(la);
    const formateur = await createOrganisme(ici);
    await env.DB.batch([
      env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)").bind(
        responsable.id,
        formateur.id,
      ),
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?), (?, ?)").bind(
        `RES-${ici.region}`,
        formateur.id,
        `RES-${la.region}`,
        responsable.id,
      ),
    ]);
    const perimetres = await perimetresOfOrganismes(database(env.DB), [formateur.id]);
    expect(Object.fromEntries(perimetres)).toEqual({
      national: [formateur.id],
      [`region:${ici.region}`]: [formateur.id],
      [`departement:${ici.departement}`]: [formateur.id],
      [`academie:${ici.academie}`]: [formateur.id],
      [`reseau:RES-${ici.region}`]: [formateur.id],
      [`region:${la.region}`]: [formateur.id],
      [`departement:${la.departement}`]: [formateur.id],
      [`academie:${la.academie}`]: [formateur.id],
      [`reseau:RES-${la.region}`]: [formateur.id],
    });
    // The responsable's own change does not reach its formateur's territory.
    expect([...(await perimetresOfOrganismes(database(env.DB), [responsable.id])).keys()].sort()).toEqual(
      [
        `academie:${la.academie}`,
        `departement:${la.departement}`,
        "national",
        `region:${la.region}`,
        `reseau:RES-${la.region}`,
      ].sort(),
    );
  });
});

describe("GET /api/perimetre/live", () => {
  it("tells a DREETS of a push to an organisme of its région within 1.5 s, not a DDETS of another département", async () => {
    const t = territoire();
    const { organisme, key } = await organismeAvecCle({ organisme: await createOrganisme(t) });
    const dreets = await dashboard(await utilisateur({ type: "DREETS", codeRegion: t.region }));
    const ddets = await dashboard(await utilisateur({ type: "DDETS", codeDepartement: `${t.departement}-autre` }));
    const started = Date.now();
    const answered = await pushed(key, organisme);
    const message = await dreets.next(changedSince(started, organisme.id), 1500);
    expect(message?.receivedAt).toBeLessThan(answered + 1500);
    await sleep(1200);
    expect(ddets.messages.filter((m) => m.type === "perimetre-changed")).toEqual([]);
  });

  it("tells a réseau of a push to the formateur of one of its members", async () => {
    const reseau = `RES-${crypto.randomUUID().slice(0, 8)}`;
    const membre = await createOrganisme(territoire());
    const { organisme: formateur, key } = await organismeAvecCle({ organisme: await createOrganisme(territoire()) });
    await env.DB.batch([
      env.DB.prepare("INSERT INTO reseau_membres (reseau, organisme_id) VALUES (?, ?)").bind(reseau, membre.id),
      env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)").bind(
        membre.id,
        formateur.id,
      ),
    ]);
    const socket = await dashboard(await utilisateur({ type: "RESEAU", reseau }));
    const started = Date.now();
    await pushed(key, formateur);
    expect(await socket.next(changedSince(started, formateur.id), 1500)).toBeDefined();
  });

  it("tells an administrator (national) and a DREETS of a step of an organisme's connection", async () => {
    const t = territoire();
    const { organisme, key } = await organismeAvecCle({ confirmed: false, organisme: await createOrganisme(t) });
    const test = await SELF.fetch(`${APP_URL}/api/v3/dossiers-apprenants/test`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(test.status).toBe(200);
    await test.body?.cancel();
    await sleep(300); // the setup's own notifications are over
    const admin = await dashboard(await sessionCookie((await createUser({ isAdmin: true })).id));
    const dreets = await dashboard(await utilisateur({ type: "DREETS", codeRegion: t.region }));
    const started = Date.now();
    expect((await confirmConnection(organisme.id)).ok).toBe(true);
    expect(await dreets.next(changedSince(started, organisme.id), 1500)).toBeDefined();
    expect(await admin.next(changedSince(started, organisme.id), 1500)).toBeDefined();
  });

  it("coalesces a burst: 20 pushes over 2 s give at most 3 messages in 2 s, a second apart, listing every organisme", async () => {
    const t = territoire();
    const organismes = await Promise.all(
      Array.from({ length: 20 }, async () => organismeAvecCle({ organisme: await createOrganisme(t) })),
    );
    await sleep(300); // the setup's own notifications are over
    const socket = await dashboard(await utilisateur({ type: "DREETS", codeRegion: t.region }));
    const started = Date.now();
    for (const [i, { organisme, key }] of organismes.entries()) {
      await pushed(key, organisme);
      await sleep(started + (i + 1) * 100 - Date.now());
    }
    const lastAnswered = Date.now();
    await sleep(1500);
    const changes = socket.messages.filter((m) => m.type === "perimetre-changed" && m.receivedAt >= started);
    const firstAt = changes[0].receivedAt;
    expect(changes.filter((m) => m.receivedAt < firstAt + 2000).length).toBeLessThanOrEqual(3);
    for (let i = 1; i < changes.length; i++)
      expect(changes[i].receivedAt - changes[i - 1].receivedAt).toBeGreaterThanOrEqual(900);
    expect(new Set(changes.flatMap((m) => m.organismeIds ?? []))).toEqual(
      new Set(organismes.map((o) => o.organisme.id)),
    );
    // The last push is in a message at most ~1 s after its answer.
    expect(changes.at(-1)!.organismeIds).toContain(organismes.at(-1)!.organisme.id);
    expect(changes.at(-1)!.receivedAt).toBeLessThan(lastAnswered + 1500);
  }, 20_000);

  it("is refused to an OFA (403), without Upgrade (426), from another Origin or without one (403), to a visitor (401)", async () => {
    const organisme = await createOrganisme();
    const ofa = await sessionCookie((await createUser({ organismeId: organisme.id })).id);
    const dreets = await utilisateur({ type: "DREETS", codeRegion: territoire().region });
    const refused = async (cookie: string, options: Parameters<typeof openPerimetre>[1] = {}) => {
      const { response, socket } = await openPerimetre(cookie, options);
      expect(socket).toBeNull();
      return { status: response.status, body: (await response.json()) as { message: string } };
    };
    expect(await refused(ofa)).toMatchObject({ status: 403 });
    expect(await refused(dreets, { upgrade: false })).toEqual({
      status: 426,
      body: { error: "Upgrade Required", message: "Cette adresse attend une connexion WebSocket." },
    });
    expect(await refused(dreets, { origin: "https://ailleurs.example" })).toMatchObject({
      status: 403,
      body: { message: "Origine de la requête non autorisée." },
    });
    expect(await refused(dreets, { origin: null })).toMatchObject({ status: 403 });
    expect(await refused("")).toMatchObject({ status: 401 });
  });

  it("is closed with 4401 at logout, and the session's live row (perimetre:<key>) is deleted", async () => {
    const t = territoire();
    const cookie = await utilisateur({ type: "DDETS", codeDepartement: t.departement });
    const socket = await dashboard(cookie);
    const hash = await sha256Hex(cookie.replace("tba_session=", ""));
    const rows = () =>
      env.DB.prepare("SELECT organisme_id FROM live_connections WHERE session_token_hash = ?")
        .bind(hash)
        .all<{ organisme_id: string }>()
        .then((r) => r.results.map((row) => row.organisme_id));
    expect(await rows()).toEqual([`perimetre:departement:${t.departement}`]);
    expect((await call("/api/auth/deconnexion", cookie, {})).status).toBe(200);
    const closed = await Promise.race([socket.closed, sleep(2000).then(() => null)]);
    expect(closed && { code: closed.code, reason: closed.reason }).toEqual({ code: 4401, reason: "Session terminée" });
    expect(await rows()).toEqual([]);
  });
});
