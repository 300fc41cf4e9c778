import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { generateReferentiel } from "../../db/demo/referentiel";
import { DEMO_API_KEY, DEMO_PASSWORD, GESTI_KEY_ID, selectDemoOrganismes } from "../../tools/demo/comptes";
import { buildEffectifsDemo } from "../../tools/demo/effectifs";
import { buildSeedSql } from "../../tools/demo/seed-sql";
import { hashPassword, sha256Hex } from "../../worker/lib/crypto";

const referentiel = generateReferentiel();
const selection = selectDemoOrganismes(referentiel);
const now = new Date();

async function seed() {
  const statements = buildSeedSql({
    referentiel,
    selection,
    effectifs: await buildEffectifsDemo(selection, now),
    // Fewer iterations keep the test fast; the seed itself uses the default.
    passwordHash: await hashPassword(DEMO_PASSWORD, 1000),
    apiKey: { hash: await sha256Hex(DEMO_API_KEY), prefix: DEMO_API_KEY.slice(0, 8) },
    now,
  });
  for (const sql of statements) await env.DB.prepare(sql).run();
}

const TABLES = [
  "organismes",
  "organisme_relations",
  "organisations",
  "reseau_membres",
  "users",
  "api_keys",
  "effectifs",
  "effectif_statuts",
  "transmissions",
  "dossiers_recus",
  "audit_log",
];
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => [t, (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()).results] as const),
    ),
  );

const login = (email: string) =>
  SELF.fetch("http://localhost:8787/api/auth/connexion", {
    method: "POST",
    headers: { Origin: "http://localhost:8787", "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });

describe("the local demo seed", () => {
  beforeAll(seed);

  it("loads the référentiel, the accounts and the Gesti OFA's learners, and a second run changes nothing", async () => {
    const before = await snapshot();
    expect(before.organismes.length).toBe(referentiel.organismes.length);
    expect(before.users.length).toBe(5);
    expect(before.effectifs.length).toBeGreaterThan(200);
    expect(before.transmissions.length).toBe(2);
    await seed();
    expect(await snapshot()).toEqual(before);
  });

  it("lets every demo account log in with the demo password", async () => {
    for (const email of [
      "ofa@example.fr",
      "ofa-gesti@example.fr",
      "reseau@example.fr",
      "dreets@example.fr",
      "admin@example.fr",
    ]) {
      const response = await login(email);
      expect(response.status, email).toBe(200);
    }
    const admin = (await (await login("admin@example.fr")).json()) as {
      user: { isAdmin: boolean; organisationType: string };
    };
    expect(admin.user).toMatchObject({ isAdmin: true, organisationType: "ADMINISTRATEUR" });
  });

  it("leaves ofa@example.fr's organisme fiable, with formateurs and nothing transmitted", async () => {
    const ofa = await env.DB.prepare("SELECT * FROM organismes WHERE id = ?").bind(selection.ofa.id).first();
    expect(ofa).toMatchObject({
      nature: "responsable_formateur",
      ferme: 0,
      referentiel: 1,
      erp: null,
      mode_transmission: null,
      last_transmission_at: null,
    });
    const counts = await env.DB.prepare(
      "SELECT (SELECT COUNT(*) FROM organisme_relations WHERE responsable_id = ?1) AS formateurs, (SELECT COUNT(*) FROM effectifs WHERE organisme_responsable_id = ?1 OR organisme_id = ?1) AS effectifs, (SELECT COUNT(*) FROM api_keys WHERE organisme_id = ?1) AS keys",
    )
      .bind(selection.ofa.id)
      .first();
    expect(counts).toMatchObject({ effectifs: 0, keys: 0 });
    expect((counts as { formateurs: number }).formateurs).toBeGreaterThanOrEqual(2);
  });

  it("configures the Gesti OFA with the demo key, which the ERP API accepts", async () => {
    const gesti = await env.DB.prepare(
      "SELECT erp, mode_transmission, configured_at, configured_by FROM organismes WHERE id = ?",
    )
      .bind(selection.gesti.id)
      .first();
    expect(gesti).toMatchObject({ erp: "gesti", mode_transmission: "api", configured_by: "Julien Moreau" });
    const key = await env.DB.prepare("SELECT id, key_hash, revoked_at FROM api_keys WHERE organisme_id = ?")
      .bind(selection.gesti.id)
      .first();
    expect(key).toEqual({ id: GESTI_KEY_ID, key_hash: await sha256Hex(DEMO_API_KEY), revoked_at: null });

    const response = await SELF.fetch("http://localhost:8787/api/v3/dossiers-apprenants/test", {
      method: "POST",
      headers: { Authorization: `Bearer ${DEMO_API_KEY}` },
    });
    expect(await response.json()).toEqual({ msg: "ok" });
  });

  it("gives the réseau and the DREETS their organisation", async () => {
    const { results } = await env.DB.prepare("SELECT type, reseau, code_region FROM organisations ORDER BY type").all();
    expect(results).toEqual([
      { type: "ADMINISTRATEUR", reseau: null, code_region: null },
      { type: "DREETS", reseau: null, code_region: "84" },
      { type: "ORGANISME_FORMATION", reseau: null, code_region: null },
      { type: "ORGANISME_FORMATION", reseau: null, code_region: null },
      { type: "RESEAU", reseau: "CCCA-BTP", code_region: null },
    ]);
    const member = await env.DB.prepare(
      "SELECT 1 AS ok FROM reseau_membres WHERE reseau = 'CCCA-BTP' AND organisme_id = ?",
    )
      .bind(selection.gesti.id)
      .first();
    expect(member).toEqual({ ok: 1 });
  });

  it("does not add its parcours intervals to an effectif an ERP has changed since", async () => {
    const effectif = await env.DB.prepare(
      "SELECT effectif_id AS id FROM effectif_statuts WHERE organisme_id = ? GROUP BY effectif_id HAVING COUNT(*) > 2 ORDER BY effectif_id LIMIT 1",
    )
      .bind(selection.gesti.id)
      .first<{ id: string }>();
    await env.DB.batch([
      env.DB.prepare("UPDATE effectifs SET data_hash = 'changed' WHERE id = ?").bind(effectif!.id),
      env.DB.prepare("DELETE FROM effectif_statuts WHERE effectif_id = ?").bind(effectif!.id),
      env.DB.prepare(
        "INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut) VALUES (?, ?, '2026-2027', '0000-01-01', NULL, 'APPRENTI')",
      ).bind(effectif!.id, selection.gesti.id),
    ]);
    await seed();
    const { results } = await env.DB.prepare("SELECT du, statut FROM effectif_statuts WHERE effectif_id = ?")
      .bind(effectif!.id)
      .all();
    expect(results).toEqual([{ du: "0000-01-01", statut: "APPRENTI" }]);
  });
});
