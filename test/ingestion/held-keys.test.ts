import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import { discardHeldDossiers, settleHeldDossiers } from "../../worker/ingestion/held";
import { ingestDossiers } from "../../worker/ingestion/push";
import { revokeStaleApiKeys } from "../../worker/scheduled/revoke-stale-keys";
import { call, generateGestiKey, keyIdOf, ofa } from "../connection/helpers";
import { API, confirmConnection, countEffectifs, dossier, organismeAvecCle, push, refuseConnection } from "./helpers";

const actor = { userId: null, name: "Camille Test" };

const heldRows = async (organismeId: string) =>
  (
    await env.DB.prepare(
      "SELECT identity, held_key_id AS keyId FROM dossiers_recus WHERE organisme_id = ? AND outcome = 'held' ORDER BY identity",
    )
      .bind(organismeId)
      .all<{ identity: string; keyId: string }>()
  ).results;

/** Another key, from the Paramètres page (the ERP is already chosen). */
async function newKey(f: { organisme: { id: string }; cookie: string }): Promise<string> {
  const generated = await call(`/api/organismes/${f.organisme.id}/transmission/cle`, f.cookie, {});
  expect(generated.status).toBe(200);
  return ((await generated.json()) as { key: string }).key;
}

const erpTest = (key: string) =>
  SELF.fetch(`${API}/test`, { method: "POST", headers: { Authorization: `Bearer ${key}` } });

const effectifNamed = (organismeId: string, idErp: string) =>
  env.DB.prepare("SELECT nom, data FROM effectifs WHERE organisme_id = ? AND id_erp_apprenant = ?")
    .bind(organismeId, idErp)
    .first<{ nom: string; data: string }>();

describe("held records belong to the key that pushed them", () => {
  it("generating a new key discards what the previous key pushed; confirming the new key does not apply it", async () => {
    const f = await ofa();
    const key1 = await generateGestiKey(f);
    const held = await push(key1, [dossier(f.organisme, { id_erp_apprenant: "X" })]);
    expect(((await held.json()) as { data: { outcome: string }[] }).data[0].outcome).toBe("held");
    expect(await heldRows(f.organisme.id)).toEqual([{ identity: "2023-2024|X", keyId: await keyIdOf(key1) }]);

    const key2 = await newKey(f);
    expect(await heldRows(f.organisme.id)).toEqual([]);
    expect((await erpTest(key2)).status).toBe(200);
    const confirmed = await call(`/api/organismes/${f.organisme.id}/transmission/confirmer`, f.cookie, {});
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { applied: number }).applied).toBe(0);
    expect(await countEffectifs(f.organisme.id)).toBe(0);
  });

  it("on confirmation, applies the confirmed key's records and discards a replaced key's that arrived late", async () => {
    const f = await ofa();
    const key1 = await generateGestiKey(f);
    const key1Id = await keyIdOf(key1);
    const key2 = await newKey(f);
    // a push with key 1 authenticated just before key 2 was generated, and written just after
    await ingestDossiers(env, [dossier(f.organisme, { id_erp_apprenant: "X" })], {
      organismeId: f.organisme.id,
      apiKeyId: key1Id,
      source: "erp",
      hold: true,
    });
    await push(key2, [dossier(f.organisme, { id_erp_apprenant: "Y" })]);
    expect((await heldRows(f.organisme.id)).map((r) => r.identity)).toEqual(["2023-2024|X", "2023-2024|Y"]);

    const confirmed = await call(`/api/organismes/${f.organisme.id}/transmission/confirmer`, f.cookie, {});
    expect(((await confirmed.json()) as { applied: number }).applied).toBe(1);
    expect(await effectifNamed(f.organisme.id, "Y")).not.toBeNull();
    expect(await effectifNamed(f.organisme.id, "X")).toBeNull();
    expect(await heldRows(f.organisme.id)).toEqual([]);
  });

  it("a new key's held record does not merge into the data a replaced key held", async () => {
    const { organisme, key: key1 } = await organismeAvecCle({ confirmed: false });
    const generated = await organismeHub(env, organisme.id).generateKey({ organismeId: organisme.id, actor });
    if (!generated.ok) throw new Error(generated.message);
    const key2Id = await keyIdOf(generated.key);
    // key 1's row survived (written after the generation): key 2's push must not inherit its email
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "M", email_contact: "ancien@exemple.fr" })], {
      organismeId: organisme.id,
      apiKeyId: await keyIdOf(key1),
      source: "erp",
      hold: true,
    });
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "M" })], {
      organismeId: organisme.id,
      apiKeyId: key2Id,
      source: "erp",
      hold: true,
    });
    const row = await env.DB.prepare(
      "SELECT held_data, held_key_id FROM dossiers_recus WHERE organisme_id = ? AND outcome = 'held'",
    )
      .bind(organisme.id)
      .first<{ held_data: string; held_key_id: string }>();
    expect(row!.held_key_id).toBe(key2Id);
    expect(JSON.parse(row!.held_data).email_contact).toBeUndefined();
  });

  it("the stale-key job discards the held records of the keys it revokes", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    await push(key, [dossier(organisme, { id_erp_apprenant: "S" })]);
    expect(await heldRows(organisme.id)).toHaveLength(1);
    await env.DB.prepare(
      "UPDATE api_keys SET created_at = '2020-01-01T00:00:00.000Z', last_used_at = '2020-01-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(await keyIdOf(key))
      .run();
    expect(await revokeStaleApiKeys(env)).toContain(await keyIdOf(key));
    expect(await heldRows(organisme.id)).toEqual([]);
  });
});

describe("a push racing the OFA's decision", () => {
  it("applies the records it held if the connection was confirmed meanwhile", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    const keyId = await keyIdOf(key);
    expect((await erpTest(key)).status).toBe(200);
    expect((await confirmConnection(organisme.id)).ok).toBe(true);
    // the push read "installed" before the confirmation and writes its held rows after it
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "R1" })], {
      organismeId: organisme.id,
      apiKeyId: keyId,
      source: "erp",
      hold: true,
    });
    await settleHeldDossiers(env, organisme.id, keyId);
    expect(await effectifNamed(organisme.id, "R1")).not.toBeNull();
    expect(await heldRows(organisme.id)).toEqual([]);
    // idempotent: settling again changes nothing
    await settleHeldDossiers(env, organisme.id, keyId);
    expect(await countEffectifs(organisme.id)).toBe(1);
  });

  it("discards the records it held if the connection was refused meanwhile", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    const keyId = await keyIdOf(key);
    expect((await erpTest(key)).status).toBe(200);
    expect((await refuseConnection(organisme.id)).ok).toBe(true);
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "R2" })], {
      organismeId: organisme.id,
      apiKeyId: keyId,
      source: "erp",
      hold: true,
    });
    await settleHeldDossiers(env, organisme.id, keyId);
    expect(await heldRows(organisme.id)).toEqual([]);
    expect(await countEffectifs(organisme.id)).toBe(0);
  });

  it("the next push of a confirmed key applies held records that a failed apply left behind", async () => {
    const { organisme, key } = await organismeAvecCle();
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "L1" })], {
      organismeId: organisme.id,
      apiKeyId: await keyIdOf(key),
      source: "erp",
      hold: true,
    });
    expect(await heldRows(organisme.id)).toHaveLength(1);
    const response = await push(key, [dossier(organisme, { id_erp_apprenant: "L2" })]);
    expect(response.status).toBe(200);
    expect(await effectifNamed(organisme.id, "L1")).not.toBeNull();
    expect(await effectifNamed(organisme.id, "L2")).not.toBeNull();
    expect(await heldRows(organisme.id)).toEqual([]);
  });

  it("a push with a key that is no longer current is not applied, even once the new key is confirmed", async () => {
    const { organisme, key: key1 } = await organismeAvecCle();
    const hub = organismeHub(env, organisme.id);
    expect((await hub.reset({ organismeId: organisme.id, actor })).ok).toBe(true);
    const generated = await hub.generateKey({ organismeId: organisme.id, actor });
    if (!generated.ok) throw new Error(generated.message);
    expect((await erpTest(generated.key)).status).toBe(200);
    expect((await confirmConnection(organisme.id)).ok).toBe(true);
    // key 1 authenticated before its revocation: the hub must not answer the new key's "confirmed"
    expect(await hub.recordFirstUse({ keyId: await keyIdOf(key1), via: "push" })).toEqual({ status: "none" });
  });
});

describe("refusing a connection after a held push of an existing effectif", () => {
  it("keeps the effectif's report row, back to its applied state, and the effectif unchanged", async () => {
    const { organisme, key } = await organismeAvecCle();
    await push(key, [dossier(organisme, { id_erp_apprenant: "E1", nom_apprenant: "Durand" })]);
    const hub = organismeHub(env, organisme.id);
    expect((await hub.reset({ organismeId: organisme.id, actor })).ok).toBe(true);
    const generated = await hub.generateKey({ organismeId: organisme.id, actor });
    if (!generated.ok) throw new Error(generated.message);
    const held = await push(generated.key, [dossier(organisme, { id_erp_apprenant: "E1", nom_apprenant: "Autre" })]);
    expect(((await held.json()) as { data: { outcome: string }[] }).data[0].outcome).toBe("held");

    expect((await refuseConnection(organisme.id)).ok).toBe(true);
    expect(await discardHeldDossiers(env, organisme.id)).toEqual({ discarded: 1 });
    const row = await env.DB.prepare(
      "SELECT outcome, errors, held_data FROM dossiers_recus WHERE organisme_id = ? AND identity = '2023-2024|E1'",
    )
      .bind(organisme.id)
      .first();
    expect(row).toEqual({ outcome: "unchanged", errors: "[]", held_data: null });
    expect((await effectifNamed(organisme.id, "E1"))!.nom).toBe("DURAND");
  });
});
