import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { organismeHub } from "../../worker/connection/hub";
import type { TransmissionView } from "../../worker/domain/transmission-view";
import { APP_URL, createOrganisme, createUser } from "../helpers/accounts";
import { call, generateGestiKey, keyIdOf, ofa, openLive, sessionCookie, type OfaFixture } from "./helpers";

const path = (f: OfaFixture, action = "") =>
  `/api/organismes/${f.organisme.id}/transmission${action ? `/${action}` : ""}`;
const view = async (f: OfaFixture) => (await (await call(path(f), f.cookie)).json()) as TransmissionView;
const organismeRow = (id: string) =>
  env.DB.prepare("SELECT erp, erp_autre, mode_transmission, configured_at, configured_by FROM organismes WHERE id = ?")
    .bind(id)
    .first<Record<string, string | null>>();

async function install(f: OfaFixture, declared: { uai?: string | null; siret?: string | null } = {}) {
  const key = await generateGestiKey(f);
  await organismeHub(env, f.organisme.id).recordFirstUse({
    keyId: await keyIdOf(key),
    via: "test",
    erp: "gesti",
    ...declared,
  });
  return key;
}

describe("the transmission settings API", () => {
  it("shows the catalogue, the organisme and the state", async () => {
    const f = await ofa();
    const response = await call(path(f), f.cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TransmissionView;
    // the seed's order: alphabetical
    expect(body.erps.map((e) => e.label)).toEqual([
      "Aimaira",
      "Charlemagne",
      "FCA Manager",
      "Filiz",
      "Formasup",
      "Formasup HDF",
      "Gescicca (CNAM)",
      "Gesti",
      "Hyperplanning",
      "SC Form",
      "Ypareo",
    ]);
    expect(body.erps.find((e) => e.id === "fcamanager")?.apiKeySupport).toBe(false);
    expect(body).toMatchObject({
      organisme: { id: f.organisme.id, uai: f.organisme.uai, siret: f.organisme.siret },
      settings: { erp: null, modeTransmission: null },
      connection: { status: "none" },
      canConfigure: true,
    });
  });

  it("records the ERP choice: key flow for Gesti, manual for Formasup, a free name or no ERP", async () => {
    const f = await ofa();
    const otherTab = await openLive(f.organisme.id, f.cookie);
    await otherTab.socket!.next((m) => m.type === "snapshot");
    expect((await call(path(f, "erp"), f.cookie, { erp: "inconnu" })).status).toBe(400);
    const missing = await call(path(f, "erp"), f.cookie, {});
    expect(await missing.json()).toMatchObject({
      error: "Bad Request",
      message: "Sélectionnez votre ERP ou outil de gestion utilisé.",
    });
    const notJson = await SELF.fetch(`${APP_URL}${path(f, "erp")}`, {
      method: "POST",
      headers: { Cookie: f.cookie, Origin: APP_URL, "Content-Type": "application/json" },
      body: "{pas du json",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ message: "Le corps de la requête doit être du JSON." });
    const noName = await call(path(f, "erp"), f.cookie, { erp: "autre", erpAutre: "  " });
    expect(((await noName.json()) as { message: string }).message).toBe("Indiquez le nom de votre ERP.");

    const gesti = (await (await call(path(f, "erp"), f.cookie, { erp: "gesti" })).json()) as TransmissionView;
    expect(gesti.settings).toMatchObject({
      erp: "gesti",
      erpLabel: "Gesti",
      modeTransmission: "api",
      configuredAt: null,
    });
    // another open page is told to refetch
    await otherTab.socket!.next((m) => m.type === "connection");
    await otherTab.socket!.close();

    const formasup = (await (await call(path(f, "erp"), f.cookie, { erp: "formasup" })).json()) as TransmissionView;
    expect(formasup.settings).toMatchObject({
      erp: "formasup",
      erpLabel: "Formasup",
      modeTransmission: "manuel",
      configuredBy: "Odile Martin",
    });
    expect(formasup.settings.configuredAt).not.toBeNull();

    const autre = (await (
      await call(path(f, "erp"), f.cookie, { erp: "autre", erpAutre: "Mon ERP maison" })
    ).json()) as TransmissionView;
    expect(autre.settings).toMatchObject({ erp: "autre", erpLabel: "Mon ERP maison", modeTransmission: "manuel" });

    await call(path(f, "erp"), f.cookie, { erp: "aucun" });
    expect(await organismeRow(f.organisme.id)).toMatchObject({
      erp: null,
      erp_autre: null,
      mode_transmission: "manuel",
    });
    expect((await call(path(f, "cle"), f.cookie, {})).status).toBe(409);
  });

  it("runs the whole procedure: key, first use, confirmation, then reset", async () => {
    const f = await ofa({ prenom: "Odile", nom: "Durand" });
    const live = await openLive(f.organisme.id, f.cookie);
    await live.socket!.next((m) => m.type === "snapshot");
    const key = await install(f, { uai: f.organisme.uai, siret: f.organisme.siret });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await live.socket!.next(
      (m) => m.type === "connection" && (m.connection as { status: string }).status === "installed",
    );
    expect((await view(f)).connection).toMatchObject({
      status: "installed",
      installation: { uai: f.organisme.uai, via: "test" },
    });

    const confirmed = await call(path(f, "confirmer"), f.cookie, {});
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ connection: { status: "confirmed" }, applied: 0 });
    expect(await organismeRow(f.organisme.id)).toMatchObject({
      erp: "gesti",
      mode_transmission: "api",
      configured_by: "Odile Durand",
    });
    expect((await call(path(f, "cle"), f.cookie, {})).status).toBe(409);
    expect((await call(path(f, "erp"), f.cookie, { erp: "ymag" })).status).toBe(409);

    const reset = await call(path(f, "reinitialiser"), f.cookie, {});
    expect(reset.status).toBe(200);
    expect(await organismeRow(f.organisme.id)).toEqual({
      erp: null,
      erp_autre: null,
      mode_transmission: null,
      configured_at: null,
      configured_by: null,
    });
    const active = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM api_keys WHERE organisme_id = ? AND revoked_at IS NULL",
    )
      .bind(f.organisme.id)
      .first<{ n: number }>();
    expect(active?.n).toBe(0);

    const audit = (await (await call(`/api/organismes/${f.organisme.id}/audit`, f.cookie)).json()) as {
      entries: { action: string; actor: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toEqual([
      "reset",
      "confirmed",
      "first_use",
      "key_generated",
      "erp_chosen",
    ]);
    expect(audit.entries[1].actor).toBe("Odile Durand");
    await live.socket!.close();
  });

  it("'Je ne confirme pas' revokes the key and discards the held dossiers", async () => {
    const f = await ofa();
    const key = await install(f, { uai: "0000000X", siret: "00000000000000" });
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO transmissions (id, organisme_id, received_at, total, created, updated, unchanged, held, invalid) VALUES (?, ?, ?, 1, 0, 0, 0, 1, 0)",
      ).bind(`t-${f.organisme.id}`, f.organisme.id, now),
      env.DB.prepare(
        "INSERT INTO dossiers_recus (organisme_id, identity, transmission_id, outcome, held_data, held_key_id, received_at) VALUES (?, '2025-2026|1', ?, 'held', '{}', ?, ?)",
      ).bind(f.organisme.id, `t-${f.organisme.id}`, await keyIdOf(key), now),
    ]);
    // the held record is said where the user looks, with the name of the couple the ERP declared
    expect((await view(f)).organisme.dossiersEnAttente).toBe(1);
    expect((await view(f)).organismeDeclare).toBeNull();
    const fiche = (await (await call(`/api/organismes/${f.organisme.id}`, f.cookie)).json()) as {
      organisme: { dossiersEnAttente: number };
    };
    expect(fiche.organisme.dossiersEnAttente).toBe(1);
    const refused = await call(path(f, "refuser"), f.cookie, {});
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({ connection: { status: "refused", key: null }, discarded: 1 });
    const row = await env.DB.prepare("SELECT revoked_reason FROM api_keys WHERE id = ?")
      .bind(await keyIdOf(key))
      .first();
    expect(row).toEqual({ revoked_reason: "refused" });
    expect((await view(f)).organisme.dossiersEnAttente).toBe(0);
    // the procedure starts again from a new key
    expect((await call(path(f, "cle"), f.cookie, {})).status).toBe(200);
  });

  it("names the organisme whose couple the ERP declared, when it is not the user's own", async () => {
    const f = await ofa();
    const autre = await createOrganisme({ raisonSociale: "CFA D'UN AUTRE" });
    await install(f, { uai: autre.uai, siret: autre.siret });
    expect((await view(f)).organismeDeclare).toBe("CFA D'UN AUTRE");
  });

  it("rejects out-of-order steps with a French message", async () => {
    const f = await ofa();
    await generateGestiKey(f);
    const early = await call(path(f, "confirmer"), f.cookie, {});
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({
      error: "Conflict",
      message: "Votre ERP n'a pas encore utilisé la clé d'échange : il n'y a rien à confirmer.",
    });
    expect((await call(path(f, "refuser"), f.cookie, {})).status).toBe(409);
    expect((await call(path(f, "erp"), f.cookie, { erp: "ymag" })).status).toBe(409);
  });

  it("lets only the organisme's users and administrators configure; the responsable may look", async () => {
    const f = await ofa();
    const stranger = await ofa();
    expect((await call(path(f), stranger.cookie)).status).toBe(403);
    expect((await call(path(f, "erp"), stranger.cookie, { erp: "gesti" })).status).toBe(403);
    expect((await call(`/api/organismes/${f.organisme.id}/audit`, stranger.cookie)).status).toBe(403);

    const responsable = await ofa();
    await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
      .bind(responsable.organisme.id, f.organisme.id)
      .run();
    const seen = (await (await call(path(f), responsable.cookie)).json()) as TransmissionView;
    expect(seen.canConfigure).toBe(false);
    expect((await call(path(f, "cle"), responsable.cookie, {})).status).toBe(403);
    // the right is checked before the body
    const invalid = await call(path(f, "erp"), responsable.cookie, { erp: 12 });
    expect(invalid.status).toBe(403);
    expect(await invalid.json()).toEqual({
      error: "Forbidden",
      message: "Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.",
    });

    const admin = await createUser({ isAdmin: true });
    const adminCookie = await sessionCookie(admin.id);
    expect((await call(path(f, "erp"), adminCookie, { erp: "gesti" })).status).toBe(200);
    expect((await call(path(f, "cle"), f.cookie, {}, "https://evil.example")).status).toBe(403);
    expect((await call(path(f), "")).status).toBe(401);
  });
});
