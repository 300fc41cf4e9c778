import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import { sendableCloseCode } from "../../durable-objects/session-sockets";
import { createUser } from "../helpers/accounts";
import { ofa, openLive, sessionCookie } from "./helpers";

const actor = { userId: null, name: "Odile Martin" };

describe("the organisme's live WebSocket", () => {
  it("sends a snapshot on connect, then the same events to every dashboard of the organisme", async () => {
    const { organisme, cookie } = await ofa();
    const colleague = await createUser({ organismeId: organisme.id });
    const a = await openLive(organisme.id, cookie);
    const b = await openLive(organisme.id, await sessionCookie(colleague.id));
    expect(a.response.status).toBe(101);
    expect(b.response.status).toBe(101);
    for (const s of [a.socket!, b.socket!]) {
      const snapshot = await s.next((m) => m.type === "snapshot");
      expect(snapshot).toMatchObject({ organismeId: organisme.id, connection: { status: "none" } });
    }

    const generated = await organismeHub(env, organisme.id).generateKey({ organismeId: organisme.id, actor });
    expect(generated.ok).toBe(true);
    for (const s of [a.socket!, b.socket!]) {
      const event = await s.next((m) => m.type === "connection");
      expect(event).toMatchObject({
        organismeId: organisme.id,
        connection: { status: "key_generated", key: { generatedBy: "Odile Martin" } },
      });
    }

    const summary = {
      transmissionId: "t1",
      receivedAt: new Date().toISOString(),
      total: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      held: 0,
      invalid: 1,
    };
    await organismeHub(env, organisme.id).notifyTransmission(summary);
    for (const s of [a.socket!, b.socket!]) {
      expect(await s.next((m) => m.type === "transmission")).toEqual({
        type: "transmission",
        organismeId: organisme.id,
        summary,
      });
    }
    await a.socket!.close();
    await b.socket!.close();
  });

  it("does not send one organisme's events to another organisme's dashboards", async () => {
    const first = await ofa();
    const second = await ofa();
    const other = await openLive(second.organisme.id, second.cookie);
    await other.socket!.next((m) => m.type === "snapshot");
    await organismeHub(env, first.organisme.id).generateKey({ organismeId: first.organisme.id, actor });
    await organismeHub(env, second.organisme.id).notifyEffectifsChanged();
    await other.socket!.next((m) => m.type === "effectifs-changed");
    expect(other.socket!.messages.map((m) => m.type)).toEqual(["snapshot", "effectifs-changed"]);
    await other.socket!.close();
  });

  it("answers a resync request with a fresh snapshot and ping with pong", async () => {
    const { organisme, cookie } = await ofa();
    const live = await openLive(organisme.id, cookie);
    await live.socket!.next((m) => m.type === "snapshot");
    const pong = new Promise<string>((resolve) =>
      live.socket!.ws.addEventListener("message", (e) => {
        if (e.data === "pong") resolve(e.data);
      }),
    );
    live.socket!.ws.send("ping");
    expect(await pong).toBe("pong");
    live.socket!.ws.send(JSON.stringify({ type: "resync" }));
    await live.socket!.next(
      (m) => m.type === "snapshot" && live.socket!.messages.filter((x) => x.type === "snapshot").length === 2,
    );
    await live.socket!.close();
  });

  it("refuses a user of another organisme", async () => {
    const { organisme } = await ofa();
    const stranger = await ofa();
    const { response, socket } = await openLive(organisme.id, stranger.cookie);
    expect(socket).toBeNull();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Forbidden", message: "Vous n'avez pas accès à cet organisme." });
  });

  it("refuses a logged-out visitor and a pending account", async () => {
    const { organisme } = await ofa();
    expect((await openLive(organisme.id, "tba_session=inconnue")).response.status).toBe(401);
    const pending = await createUser({ organismeId: organisme.id, status: "pending" });
    expect((await openLive(organisme.id, await sessionCookie(pending.id))).response.status).toBe(403);
  });

  it("refuses an upgrade from a foreign Origin or without Origin", async () => {
    const { organisme, cookie } = await ofa();
    const foreign = await openLive(organisme.id, cookie, "https://evil.example");
    expect(foreign.response.status).toBe(403);
    expect(((await foreign.response.json()) as { message: string }).message).toBe(
      "Origine de la requête non autorisée.",
    );
    const missing = await openLive(organisme.id, cookie, null);
    expect(missing.response.status).toBe(403);
  });

  it("lets the organisme responsable and an administrator watch", async () => {
    const formateur = await ofa();
    const responsable = await ofa();
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(responsable.organisme.id, formateur.organisme.id)
      .run();
    const admin = await createUser({ isAdmin: true });
    for (const cookie of [responsable.cookie, await sessionCookie(admin.id)]) {
      const live = await openLive(formateur.organisme.id, cookie);
      expect(live.response.status).toBe(101);
      await live.socket!.next((m) => m.type === "snapshot");
      await live.socket!.close();
    }
  });

  it("answers a close with the same code, and keeps no socket once closed", async () => {
    const { organisme, cookie } = await ofa();
    const live = await openLive(organisme.id, cookie);
    await live.socket!.next((m) => m.type === "snapshot");
    const closed = await live.socket!.close();
    expect(closed.code).toBe(1000);
    const stub = organismeHub(env, organisme.id);
    expect(await runInDurableObject(stub, (_hub, state) => state.getWebSockets().length)).toBe(0);

    // A browser's close() without a code arrives as 1005, which cannot be sent back: the hub answers 1000.
    const page = await openLive(organisme.id, cookie);
    await page.socket!.next((m) => m.type === "snapshot");
    const answered = new Promise<number>((resolve) =>
      page.socket!.ws.addEventListener("close", (e) => resolve(e.code)),
    );
    page.socket!.ws.close();
    expect(await answered).toBe(1000);
  });

  it("echoes a sendable close code when the peer's is reserved (1005, 1006, 1015)", async () => {
    expect([1000, 1001, 1005, 1006, 1011, 1015, 4000].map(sendableCloseCode)).toEqual([
      1000, 1001, 1000, 1000, 1011, 1000, 4000,
    ]);
    const { organisme } = await ofa();
    const sent = await runInDurableObject(organismeHub(env, organisme.id), async (hub) => {
      const calls: [number, string][] = [];
      const socket = {
        close: (code: number, reason: string) => calls.push([code, reason]),
        deserializeAttachment: () => null,
      };
      for (const code of [1006, 1005, 1015, 4001]) await hub.webSocketClose(socket as unknown as WebSocket, code, "");
      return calls;
    });
    expect(sent).toEqual([
      [1000, ""],
      [1000, ""],
      [1000, ""],
      [4001, ""],
    ]);
  });
});
