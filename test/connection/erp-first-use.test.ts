import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { APP_URL } from "../helpers/accounts";
import { call, generateGestiKey, ofa, openLive } from "./helpers";

describe("the ERP's first call with the key", () => {
  it("turns every open Paramètres page to the confirmation, within a second", async () => {
    const f = await ofa();
    const key = await generateGestiKey(f);
    const page = await openLive(f.organisme.id, f.cookie);
    await page.socket!.next((m) => m.type === "snapshot");
    const started = Date.now();
    const response = await SELF.fetch(`${APP_URL}/api/v3/dossiers-apprenants/test`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ msg: "ok" });
    const event = await page.socket!.next((m) => m.type === "connection", 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event.connection).toMatchObject({ status: "installed", installation: { via: "test" } });
    const confirmed = await call(`/api/organismes/${f.organisme.id}/transmission/confirmer`, f.cookie, {});
    expect(confirmed.status).toBe(200);
    await page.socket!.next(
      (m) => m.type === "connection" && (m.connection as { status: string }).status === "confirmed",
    );
    await page.socket!.close();
  });

  it("knows its organisme inside the object (events carry it)", async () => {
    const f = await ofa();
    const stub = env.ORGANISME_HUB.get(env.ORGANISME_HUB.idFromName(f.organisme.id));
    const name = await runInDurableObject(stub, (_instance, state) => state.id.name ?? null);
    expect(name).toBe(f.organisme.id);
  });
});
