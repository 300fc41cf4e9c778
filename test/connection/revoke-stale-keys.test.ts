import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import { revokeStaleApiKeys, staleKeyCutoff } from "../../worker/scheduled/revoke-stale-keys";
import { createOrganisme } from "../helpers/accounts";
import { keyIdOf } from "./helpers";

const now = new Date("2026-11-28T03:17:00.000Z");

async function insertKey(organismeId: string, id: string, createdAt: string, lastUsedAt: string | null) {
  await env.DB.prepare(
    "INSERT INTO api_keys (id, organisme_id, key_hash, prefix, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)",
  )
    .bind(id, organismeId, `hash-${id}`, id.slice(0, 8), createdAt, lastUsedAt)
    .run();
}

describe("the revocation of keys unused for 12 months", () => {
  it("uses a cutoff of exactly 12 months", () => {
    expect(staleKeyCutoff(now)).toBe("2025-11-28T03:17:00.000Z");
  });

  it("revokes keys last used, or created and never used, before the cutoff, and only those", async () => {
    const { id } = await createOrganisme();
    await insertKey(id, "used-long-ago", "2024-01-01T00:00:00.000Z", "2025-11-28T03:16:59.000Z");
    await insertKey(id, "never-used-old", "2025-11-01T00:00:00.000Z", null);
    await insertKey(id, "used-recently", "2020-01-01T00:00:00.000Z", "2025-11-28T03:17:00.000Z");
    await insertKey(id, "new-never-used", "2026-06-01T00:00:00.000Z", null);
    const revoked = await revokeStaleApiKeys(env, now);
    expect(revoked.sort()).toEqual(["never-used-old", "used-long-ago"]);
    const { results } = await env.DB.prepare(
      "SELECT id, revoked_at, revoked_reason FROM api_keys WHERE organisme_id = ? ORDER BY id",
    )
      .bind(id)
      .all();
    expect(results).toEqual([
      { id: "never-used-old", revoked_at: now.toISOString(), revoked_reason: "inactive" },
      { id: "new-never-used", revoked_at: null, revoked_reason: null },
      { id: "used-long-ago", revoked_at: now.toISOString(), revoked_reason: "inactive" },
      { id: "used-recently", revoked_at: null, revoked_reason: null },
    ]);
    const { results: audits } = await env.DB.prepare(
      "SELECT actor, action, detail FROM audit_log WHERE organisme_id = ?",
    )
      .bind(id)
      .all<{ actor: string; action: string; detail: string }>();
    expect(audits).toHaveLength(2);
    expect(
      audits.every(
        (a) => a.actor === "Système" && a.action === "key_revoked" && a.detail.includes("inutilisée depuis 12 mois"),
      ),
    ).toBe(true);
    expect(await revokeStaleApiKeys(env, now)).toEqual([]);
  });

  it("ends a configuration whose current key it revokes", async () => {
    const { id } = await createOrganisme();
    const generated = await organismeHub(env, id).generateKey({
      organismeId: id,
      actor: { userId: null, name: "Odile Martin" },
    });
    if (!generated.ok) throw new Error(generated.message);
    const keyId = await keyIdOf(generated.key);
    await organismeHub(env, id).recordFirstUse({ keyId, via: "test" });
    await organismeHub(env, id).confirm({ organismeId: id, actor: { userId: null, name: "Odile Martin" } });
    const inAYear = new Date(Date.now() + 366 * 24 * 3600_000);
    expect(await revokeStaleApiKeys(env, inAYear)).toContain(keyId);
    expect((await organismeHub(env, id).getConnection(id)).status).toBe("none");
    const organisme = await env.DB.prepare("SELECT configured_at FROM organismes WHERE id = ?").bind(id).first();
    expect(organisme).toEqual({ configured_at: null });
  });
});
