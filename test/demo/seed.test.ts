import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_PASSWORD, GESTI_KEY_ID } from "../../tools/demo/comptes";
import { sha256Hex } from "../../worker/lib/crypto";
import { referentiel, seed, selection, transmetteurs } from "./seed-demo";

const TABLES = [
  "organismes",
  "organisme_relations",
  "organisations",
  "reseau_membres",
  "reseaux_responsables",
  "users",
  "api_keys",
  "effectifs",
  "effectif_statuts",
  "transmissions",
  "dossiers_recus",
  "audit_log",
  "missions_locales",
  "mission_locale_communes",
  "suivis_mission_locale",
  "suivi_evenements",
];
/** Every row of every table, in an order that does not depend on how they were written. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => {
        const { results } = await env.DB.prepare(`SELECT * FROM ${t}`).all();
        return [t, results.map((row) => JSON.stringify(row)).sort()] as const;
      }),
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

  it("loads the référentiel, the accounts and the learners of the organismes that transmit, and a second run changes nothing", async () => {
    const before = await snapshot();
    expect(before.organismes.length).toBe(referentiel.organismes.length);
    expect(before.users.length).toBe(10);
    expect(before.effectifs.length).toBeGreaterThan(1000);
    expect(before.transmissions.length).toBe(2 * transmetteurs.length);
    await seed();
    expect(await snapshot()).toEqual(before);
  });

  it("lets every demo account log in with the demo password, active, in its organisation", async () => {
    const expected = {
      "ofa@example.fr": "ORGANISME_FORMATION",
      "ofa-gesti@example.fr": "ORGANISME_FORMATION",
      "reseau@example.fr": "RESEAU",
      "dreets@example.fr": "DREETS",
      "ddets@example.fr": "DDETS",
      "academie@example.fr": "ACADEMIE",
      "reseau-responsable@example.fr": "RESEAU",
      "mission-locale@example.fr": "MISSION_LOCALE",
      "arml@example.fr": "ARML",
      "admin@example.fr": "ADMINISTRATEUR",
    };
    for (const [email, organisationType] of Object.entries(expected)) {
      const response = await login(email);
      expect(response.status, email).toBe(200);
      const { user } = (await response.json()) as { user: { status: string; organisationType: string } };
      expect(user, email).toMatchObject({ status: "active", organisationType });
    }
    const admin = (await (await login("admin@example.fr")).json()) as { user: { isAdmin: boolean } };
    expect(admin.user.isAdmin).toBe(true);
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

  it("gives the réseaux and the opérateurs publics their organisation, as the sign-up would", async () => {
    const { results } = await env.DB.prepare(
      "SELECT type, label, reseau, code_region, code_departement, code_academie FROM organisations WHERE organisme_id IS NULL ORDER BY type, reseau",
    ).all();
    const none = { reseau: null, code_region: null, code_departement: null, code_academie: null };
    expect(results).toEqual([
      { ...none, type: "ACADEMIE", label: "Académie de Clermont-Ferrand", code_academie: "06" },
      { ...none, type: "ADMINISTRATEUR", label: "Administration du Tableau de bord" },
      { ...none, type: "ARML", label: "ARML Auvergne-Rhône-Alpes", code_region: "84" },
      { ...none, type: "DDETS", label: "DDETS Puy-de-Dôme (63)", code_departement: "63" },
      { ...none, type: "DREETS", label: "DREETS Auvergne-Rhône-Alpes", code_region: "84" },
      { ...none, type: "MISSION_LOCALE", label: "Mission Locale de Clermont-Ferrand" },
      { ...none, type: "RESEAU", label: "Réseau CCCA-BTP", reseau: "CCCA-BTP" },
      { ...none, type: "RESEAU", label: "Réseau UIMM", reseau: "UIMM" },
    ]);
    const member = await env.DB.prepare(
      "SELECT 1 AS ok FROM reseau_membres WHERE reseau = 'CCCA-BTP' AND organisme_id = ?",
    )
      .bind(selection.gesti.id)
      .first();
    expect(member).toEqual({ ok: 1 });
  });

  it("makes UIMM, and only UIMM, a responsable réseau, with members in the Puy-de-Dôme that transmit", async () => {
    const { results } = await env.DB.prepare("SELECT reseau FROM reseaux_responsables").all();
    expect(results).toEqual([{ reseau: "UIMM" }]);
    const membres = await env.DB.prepare(
      `SELECT COUNT(*) AS membres, SUM(o.departement = '63') AS puyDeDome,
              SUM(o.departement = '63' AND o.last_transmission_at IS NOT NULL) AS puyDeDomeTransmettent,
              SUM(o.last_transmission_at IS NOT NULL) AS transmettent
         FROM reseau_membres m JOIN organismes o ON o.id = m.organisme_id WHERE m.reseau = 'UIMM'`,
    ).first<Record<string, number>>();
    expect(membres!.membres).toBeGreaterThan(10);
    expect(membres!.puyDeDome).toBeGreaterThanOrEqual(2);
    expect(membres!.puyDeDomeTransmettent).toBeGreaterThanOrEqual(1);
    expect(membres!.transmettent).toBeGreaterThanOrEqual(3);
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
