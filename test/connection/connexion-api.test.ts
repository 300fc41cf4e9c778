import { env } from "cloudflare:test";
import { messageErreurLienErp } from "../../worker/domain/erreurs-lien-erp";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import { createUser } from "../helpers/accounts";
import { call, ofa, openLive, sessionCookie } from "./helpers";

async function keyFor(organismeId: string): Promise<string> {
  const generated = await organismeHub(env, organismeId).generateKey({
    organismeId,
    actor: { userId: null, name: "Odile Martin" },
  });
  if (!generated.ok) throw new Error(generated.message);
  return generated.key;
}

describe("the /connexion-api link ERPs open", () => {
  it("sends a logged-out visitor to the login, keeping the whole link", async () => {
    const link =
      "/connexion-api?siret=30957639500067&uai=0751234A&erp=gesti&api_key=77c7e678-0000-4000-8000-000000000000";
    const response = await call(link, "");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/connexion?redirect=${encodeURIComponent(link)}`);
  });

  it("records the first use with the declared couple and turns the open page to the confirmation", async () => {
    const fixture = await ofa();
    const key = await keyFor(fixture.organisme.id);
    const live = await openLive(fixture.organisme.id, fixture.cookie);
    await live.socket!.next((m) => m.type === "snapshot");
    const response = await call(
      `/connexion-api?siret=309%20576%20395%2000067&uai=0751234a&erp=gesti&api_key=${key}`,
      fixture.cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/parametres");
    const event = await live.socket!.next((m) => m.type === "connection");
    expect(event.connection).toMatchObject({
      status: "installed",
      installation: { via: "link", uai: "0751234A", siret: "30957639500067", erp: "gesti" },
    });
    const row = await env.DB.prepare("SELECT last_used_at FROM api_keys WHERE organisme_id = ? AND revoked_at IS NULL")
      .bind(fixture.organisme.id)
      .first<{ last_used_at: string | null }>();
    expect(row?.last_used_at).not.toBeNull();
    await live.socket!.close();
  });

  it("explains an unknown key, a missing key and another organisme's key", async () => {
    const fixture = await ofa();
    const other = await ofa();
    const otherKey = await keyFor(other.organisme.id);
    const cases: [string, string][] = [
      [
        "/connexion-api?api_key=00000000-0000-4000-8000-000000000000",
        "La clé d'échange transmise par votre ERP n'est pas valide",
      ],
      ["/connexion-api?uai=0751234A", "ne contient pas de clé d'échange"],
      [`/connexion-api?api_key=${otherKey}`, "appartient à un autre organisme"],
    ];
    for (const [link, message] of cases) {
      const response = await call(link, fixture.cookie);
      expect(response.status).toBe(302);
      const location = response.headers.get("Location")!;
      expect(location.startsWith("/parametres?erreur=")).toBe(true);
      // The address carries a code; the page shows that code's message, never a text of the address.
      expect(messageErreurLienErp(new URL(location, "http://x").searchParams.get("erreur") ?? undefined)).toContain(
        message,
      );
    }
    expect((await organismeHub(env, other.organisme.id).getConnection(other.organisme.id)).status).toBe(
      "key_generated",
    );
  });

  it("shows only its own sentences: an unknown code has no message", () => {
    expect(messageErreurLienErp("Votre compte est bloqué : appelez le 08 99 00 00 00")).toBeNull();
    expect(messageErreurLienErp("toString")).toBeNull();
    expect(messageErreurLienErp(undefined)).toBeNull();
  });

  it("sends a pending account to the waiting page", async () => {
    const fixture = await ofa();
    const pending = await createUser({ organismeId: fixture.organisme.id, status: "pending" });
    const response = await call("/connexion-api?api_key=x", await sessionCookie(pending.id));
    expect(response.headers.get("Location")).toBe("/en-attente");
  });
});
