import { abortAllDurableObjects, env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import type { OrganismeHub } from "../../durable-objects/organisme-hub";
import { sha256Hex } from "../../worker/lib/crypto";
import { createOrganisme } from "../helpers/accounts";
import { keyIdOf } from "./helpers";

const actor = { userId: "u1", name: "Odile Martin" };

describe("the OrganismeHub state", () => {
  it("survives the object being evicted and restarted", async () => {
    const { id } = await createOrganisme();
    const generated = await organismeHub(env, id).generateKey({ organismeId: id, actor });
    if (!generated.ok) throw new Error(generated.message);
    const keyId = await keyIdOf(generated.key);
    const used = await organismeHub(env, id).recordFirstUse({
      keyId,
      via: "test",
      uai: "0751234A",
      siret: "30957639500067",
      erp: "gesti",
    });
    expect(used).toEqual({ status: "installed" });

    await abortAllDurableObjects();

    const after = await organismeHub(env, id).getConnection(id);
    expect(after).toMatchObject({
      status: "installed",
      key: { id: keyId, prefix: generated.key.slice(0, 8) },
      installation: { via: "test", uai: "0751234A", siret: "30957639500067", erp: "gesti" },
    });
    const confirmed = await organismeHub(env, id).confirm({ organismeId: id, actor });
    expect(confirmed.ok && confirmed.connection.status).toBe("confirmed");
    await abortAllDurableObjects();
    const stub = env.ORGANISME_HUB.get(env.ORGANISME_HUB.idFromName(id));
    const stored = await runInDurableObject(
      stub,
      (_instance: OrganismeHub, state) =>
        state.storage.sql.exec<{ v: string }>("SELECT v FROM hub WHERE k = 'connection'").one().v,
    );
    expect(JSON.parse(stored)).toMatchObject({
      status: "confirmed",
      confirmation: { by: "Odile Martin", userId: "u1" },
    });
  });

  it("stores only the key's hash and revokes the previous key at once", async () => {
    const { id } = await createOrganisme();
    const first = await organismeHub(env, id).generateKey({ organismeId: id, actor });
    const second = await organismeHub(env, id).generateKey({ organismeId: id, actor });
    if (!first.ok || !second.ok) throw new Error("generation refused");
    expect(second.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { results } = await env.DB.prepare("SELECT * FROM api_keys WHERE organisme_id = ? ORDER BY created_at")
      .bind(id)
      .all<Record<string, string | null>>();
    expect(results).toHaveLength(2);
    expect(JSON.stringify(results)).not.toContain(first.key);
    expect(JSON.stringify(results)).not.toContain(second.key);
    const byHash = Object.fromEntries(results.map((r) => [r.key_hash, r]));
    expect(byHash[await sha256Hex(first.key)]).toMatchObject({ revoked_reason: "replaced" });
    expect(byHash[await sha256Hex(first.key)].revoked_at).not.toBeNull();
    expect(byHash[await sha256Hex(second.key)]).toMatchObject({
      revoked_at: null,
      prefix: second.key.slice(0, 8),
      created_by: "u1",
    });
    // the replaced key no longer moves the procedure, nor gets the current key's status
    const stale = await organismeHub(env, id).recordFirstUse({
      keyId: byHash[await sha256Hex(first.key)].id!,
      via: "push",
    });
    expect(stale).toEqual({ status: "none" });
    expect((await organismeHub(env, id).getConnection(id)).status).toBe("key_generated");
  });

  it("first use is idempotent, even when concurrent", async () => {
    const { id } = await createOrganisme();
    const generated = await organismeHub(env, id).generateKey({ organismeId: id, actor });
    if (!generated.ok) throw new Error(generated.message);
    const keyId = await keyIdOf(generated.key);
    const results = await Promise.all(
      ["0751234A", "0000000B", "0000000C"].map((uai) =>
        organismeHub(env, id).recordFirstUse({ keyId, via: "push", uai, siret: null }),
      ),
    );
    expect(results).toEqual([{ status: "installed" }, { status: "installed" }, { status: "installed" }]);
    const { results: audits } = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE organisme_id = ? AND action = 'first_use'",
    )
      .bind(id)
      .all<{ detail: string }>();
    expect(audits).toHaveLength(1);
    // the calls reach the object in no guaranteed order: the one recorded is the one the audit names
    const uai = (await organismeHub(env, id).getConnection(id)).installation?.uai;
    expect(["0751234A", "0000000B", "0000000C"]).toContain(uai);
    expect(audits[0].detail).toContain(`UAI déclaré : ${uai}`);
  });

  it("starts from D1 for an organisme configured before its hub existed", async () => {
    const { id } = await createOrganisme();
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare(
        "UPDATE organismes SET erp = 'gesti', mode_transmission = 'api', configured_at = ?, configured_by = 'Jean Dupont' WHERE id = ?",
      ).bind(now, id),
      env.DB.prepare(
        "INSERT INTO api_keys (id, organisme_id, key_hash, prefix, created_at) VALUES ('seed-key', ?, 'hash-seed', 'abcdef12', ?)",
      ).bind(id, now),
    ]);
    expect(await organismeHub(env, id).recordFirstUse({ keyId: "seed-key", via: "push" })).toEqual({
      status: "confirmed",
    });
    expect(await organismeHub(env, id).getConnection(id)).toMatchObject({
      status: "confirmed",
      confirmation: { by: "Jean Dupont" },
      key: { id: "seed-key" },
    });
  });

  it("answers 'none' for a key it has never heard of", async () => {
    const { id } = await createOrganisme();
    expect(await organismeHub(env, id).recordFirstUse({ keyId: "inconnue", via: "test" })).toEqual({ status: "none" });
  });
});
