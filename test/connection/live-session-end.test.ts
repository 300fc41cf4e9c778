import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import { sha256Hex } from "../../worker/lib/crypto";
import { apiFetch, createOrganisme, createUser } from "../helpers/accounts";
import { call, ofa, openLive, sessionCookie } from "./helpers";

const summary = {
  transmissionId: "t1",
  receivedAt: new Date().toISOString(),
  total: 1,
  created: 1,
  updated: 0,
  unchanged: 0,
  held: 0,
  invalid: 0,
};

type Live = NonNullable<Awaited<ReturnType<typeof openLive>>["socket"]>;

/** An open dashboard socket (its snapshot received) and the close the hub will send it. */
async function dashboard(organismeId: string, cookie: string) {
  const { socket } = await openLive(organismeId, cookie);
  if (!socket) throw new Error("socket refused");
  await socket.next((m) => m.type === "snapshot");
  const closed = new Promise<CloseEvent>((resolve) => socket.ws.addEventListener("close", resolve));
  /** The hub's close, or an error after `timeoutMs`. */
  const closedBy = async (timeoutMs = 2000) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the hub did not close it")), timeoutMs);
    });
    try {
      return await Promise.race([closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return { socket, closedBy };
}

const types = (socket: Live) => socket.messages.map((m) => m.type);

const hashOf = (cookie: string) => sha256Hex(cookie.replace("tba_session=", ""));

async function liveRowsOf(cookie: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT organisme_id FROM live_connections WHERE session_token_hash = ? ORDER BY organisme_id",
  )
    .bind(await hashOf(cookie))
    .all<{ organisme_id: string }>();
  return results.map((r) => r.organisme_id);
}

describe("a dashboard's live socket when its session ends", () => {
  it("is closed with 4401 at logout and gets no event after it", async () => {
    const { organisme, cookie } = await ofa();
    const live = await dashboard(organisme.id, cookie);
    expect((await call("/api/auth/deconnexion", cookie, {})).status).toBe(200);
    await organismeHub(env, organisme.id).notifyTransmission(summary);
    const closed = await live.closedBy();
    expect({ code: closed.code, reason: closed.reason }).toEqual({ code: 4401, reason: "Session terminée" });
    expect(types(live.socket)).toEqual(["snapshot"]);
  });

  it("is closed in every organisme the session watches, and the session's live rows are deleted", async () => {
    const first = await createOrganisme();
    const second = await createOrganisme();
    const admin = await createUser({ isAdmin: true });
    const cookie = await sessionCookie(admin.id);
    const a = await dashboard(first.id, cookie);
    const b = await dashboard(second.id, cookie);
    expect(await liveRowsOf(cookie)).toEqual([first.id, second.id].sort());
    expect((await call("/api/auth/deconnexion", cookie, {})).status).toBe(200);
    expect((await a.closedBy()).code).toBe(4401);
    expect((await b.closedBy()).code).toBe(4401);
    expect(await liveRowsOf(cookie)).toEqual([]);
  });

  it("is closed with 4401 when the user's password is reset", async () => {
    const organisme = await createOrganisme();
    const user = await createUser({ organismeId: organisme.id });
    const live = await dashboard(organisme.id, await sessionCookie(user.id));
    expect((await apiFetch("/api/auth/mot-de-passe-oublie", { body: { email: user.email } })).status).toBe(200);
    const mail = await env.DB.prepare("SELECT body FROM outbox_emails WHERE `to` = ? ORDER BY id DESC")
      .bind(user.email)
      .first<{ body: string }>();
    const token = /\/reinitialisation\?token=([0-9a-f]{64})/.exec(mail?.body ?? "")?.[1];
    const reset = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token, password: "mon-nouveau-mot-de-passe" },
    });
    expect(reset.status).toBe(200);
    await organismeHub(env, organisme.id).notifyTransmission(summary);
    expect((await live.closedBy()).code).toBe(4401);
    expect(types(live.socket)).toEqual(["snapshot"]);
  });

  it("leaves the socket of the user's other session open when one session logs out", async () => {
    const { organisme, userId, cookie } = await ofa();
    const other = await sessionCookie(userId);
    const leaving = await dashboard(organisme.id, cookie);
    const staying = await dashboard(organisme.id, other);
    expect((await call("/api/auth/deconnexion", cookie, {})).status).toBe(200);
    expect((await leaving.closedBy()).code).toBe(4401);
    await organismeHub(env, organisme.id).notifyTransmission(summary);
    expect(await staying.socket.next((m) => m.type === "transmission")).toMatchObject({ summary });
    expect(await liveRowsOf(other)).toEqual([organisme.id]);
    await staying.socket.close();
  });

  it("forgets the session's live row when its last socket in the organisme closes", async () => {
    const { organisme, cookie } = await ofa();
    const first = await dashboard(organisme.id, cookie);
    const second = await dashboard(organisme.id, cookie);
    await first.socket.close();
    expect(await liveRowsOf(cookie)).toEqual([organisme.id]);
    await second.socket.close();
    // the hub answers the close first, then deletes the row
    for (let tries = 0; (await liveRowsOf(cookie)).length > 0 && tries < 40; tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await liveRowsOf(cookie)).toEqual([]);
  });

  it("is closed instead of served once its session is past its absolute expiry", async () => {
    const { organisme, userId } = await ofa();
    const token = crypto.randomUUID();
    const now = Date.now();
    const expiresAt = now + 500;
    await env.DB.prepare(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    )
      .bind(
        await sha256Hex(token),
        userId,
        new Date(now).toISOString(),
        new Date(now).toISOString(),
        new Date(expiresAt).toISOString(),
      )
      .run();
    const live = await dashboard(organisme.id, `tba_session=${token}`);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));
    await organismeHub(env, organisme.id).notifyTransmission(summary);
    expect((await live.closedBy()).code).toBe(4401);
    expect(types(live.socket)).toEqual(["snapshot"]);
  });
});
