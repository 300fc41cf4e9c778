import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type {
  ActionSupportResponse,
  OrganismeSupport,
  OrganismesAdminResponse,
  UtilisateursPage,
  VueTransmissionsPage,
} from "../../worker/domain/administration";
import type { ComptesEnAttenteResponse } from "../../worker/domain/comptes";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { call, generateGestiKey, keyIdOf, ofa, sessionCookie } from "../connection/helpers";
import { auditActions, dashboard, sessionsOf } from "./helpers";

async function admin() {
  const user = await createUser({ isAdmin: true, prenom: "Alice", nom: "Admin" });
  return { ...user, cookie: await loginAs(user.email) };
}

/** The ERP's test call with the key (its first use: the procedure is "installed"). */
const erpTest = (key: string) =>
  apiFetch("/api/v3/dossiers-apprenants/test", { method: "POST", headers: { Authorization: `Bearer ${key}` } });

describe("administration: who may call it", () => {
  const routes: [string, string][] = [
    ["GET", "/api/administration/utilisateurs"],
    ["GET", "/api/administration/organismes?q=CFA"],
    ["GET", "/api/administration/organismes/x"],
    ["GET", "/api/administration/transmissions"],
    ["POST", "/api/administration/utilisateurs/x/desactiver"],
    ["POST", "/api/administration/utilisateurs/x/reactiver"],
    ["POST", "/api/administration/organismes/x/reinitialiser"],
    ["POST", "/api/administration/organismes/x/revoquer-cle"],
  ];

  it("refuses a visitor (401), an OFA, a DREETS and a pending administrator (403)", async () => {
    const { cookie: ofaCookie } = await ofa();
    const dreets = await createUser({ organisation: { type: "DREETS", codeRegion: "11" } });
    const dreetsCookie = await sessionCookie(dreets.id);
    const pending = await createUser({ isAdmin: true, status: "pending" });
    const pendingCookie = await sessionCookie(pending.id);
    for (const [method, path] of routes) {
      expect((await apiFetch(path, { method })).status, `${method} ${path}`).toBe(401);
      for (const cookie of [ofaCookie, dreetsCookie, pendingCookie]) {
        const response = await apiFetch(path, { method, cookie });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect((await response.json<{ message: string }>()).message).toMatch(/réservée aux administrateurs|attente/);
      }
    }
  });
});

describe("administration: users", () => {
  it("searches by e-mail, name, organisation and UAI, with the status and the organisation's identifiers", async () => {
    const { cookie } = await admin();
    const organisme = await createOrganisme({ raisonSociale: "CFA DES RECHERCHES" });
    const nom = `Zébulon${crypto.randomUUID().slice(0, 6)}`;
    const user = await createUser({ organismeId: organisme.id, prenom: "Paul", nom, status: "pending" });
    const search = async (q: string, statut?: string) => {
      const response = await apiFetch(
        `/api/administration/utilisateurs?q=${encodeURIComponent(q)}${statut ? `&statut=${statut}` : ""}`,
        { cookie },
      );
      expect(response.status).toBe(200);
      return response.json<UtilisateursPage>();
    };
    for (const q of [user.email.toUpperCase(), `Paul ${nom}`, nom.toLowerCase(), organisme.uai!])
      expect(
        (await search(q)).utilisateurs.map((u) => u.id),
        q,
      ).toEqual([user.id]);
    const [found] = (await search(nom)).utilisateurs;
    expect(found).toMatchObject({
      status: "pending",
      organisationType: "ORGANISME_FORMATION",
      uai: organisme.uai,
      siret: organisme.siret,
    });
    expect((await search(nom, "active")).total).toBe(0);
    expect((await search("%")).utilisateurs.every((u) => u.email.includes("%"))).toBe(true);
  });

  it("the pending list shows an OFA's UAI/SIRET and a DREETS' région", async () => {
    const { cookie } = await admin();
    const organisme = await createOrganisme();
    const ofaUser = await createUser({ organismeId: organisme.id, status: "pending" });
    const dreets = await createUser({ organisation: { type: "DREETS", codeRegion: "84" }, status: "pending" });
    const { comptes } = await (await apiFetch("/api/comptes", { cookie })).json<ComptesEnAttenteResponse>();
    expect(comptes.find((c) => c.id === ofaUser.id)).toMatchObject({ uai: organisme.uai, siret: organisme.siret });
    expect(comptes.find((c) => c.id === dreets.id)).toMatchObject({ codeRegion: "84", uai: null });
  });

  it("deactivation ends the sessions and sockets at once and refuses the login; reactivation lets them in again", async () => {
    const administrateur = await admin();
    const organisme = await createOrganisme();
    const user = await createUser({ organismeId: organisme.id });
    const cookie = await loginAs(user.email);
    const live = await dashboard(organisme.id, cookie);

    const response = await apiFetch(`/api/administration/utilisateurs/${user.id}/desactiver`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(response.status).toBe(200);
    expect((await live.closedBy()).code).toBe(4401);
    expect(await sessionsOf(user.id)).toEqual([]);
    expect((await apiFetch("/api/auth/me", { cookie })).status).toBe(401);
    const login = await apiFetch("/api/auth/connexion", { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(403);
    expect((await login.json<{ message: string }>()).message).toMatch(/désactivé/);
    const again = await apiFetch(`/api/administration/utilisateurs/${user.id}/desactiver`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(again.status).toBe(409);

    const reactivated = await apiFetch(`/api/administration/utilisateurs/${user.id}/reactiver`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(reactivated.status).toBe(200);
    expect((await reactivated.json<{ utilisateur: { status: string } }>()).utilisateur.status).toBe("active");
    await loginAs(user.email);
    expect((await auditActions(administrateur.id)).map((a) => [a.action, a.detail])).toEqual([
      ["compte_desactive", user.email],
      ["compte_reactive", user.email],
    ]);
  });

  it("an administrator cannot deactivate themselves; an unknown user is a 404", async () => {
    const administrateur = await admin();
    const self = await apiFetch(`/api/administration/utilisateurs/${administrateur.id}/desactiver`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(self.status).toBe(409);
    const unknown = await apiFetch(`/api/administration/utilisateurs/inconnu/desactiver`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(unknown.status).toBe(404);
  });
});

describe("administration: organismes", () => {
  it("finds an organisme by UAI, SIRET (with spaces) or part of its name", async () => {
    const { cookie } = await admin();
    const marque = crypto.randomUUID().slice(0, 8).toUpperCase();
    const organisme = await createOrganisme({ raisonSociale: `CFA RECHERCHE ${marque}` });
    const search = async (q: string) => {
      const response = await apiFetch(`/api/administration/organismes?q=${encodeURIComponent(q)}`, { cookie });
      expect(response.status).toBe(200);
      return response.json<OrganismesAdminResponse>();
    };
    const spaced = organisme.siret.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, "$1 $2 $3 $4");
    for (const q of [organisme.uai!.toLowerCase(), spaced, `recherche ${marque.toLowerCase()}`])
      expect(
        (await search(q)).organismes.map((o) => o.id),
        q,
      ).toEqual([organisme.id]);
    const short = await apiFetch("/api/administration/organismes?q=a", { cookie });
    expect(short.status).toBe(400);
  });

  it("the support view: card, fiabilité, users, procedure and its audit, keys, pushes with their error rate", async () => {
    const { cookie } = await admin();
    const fixture = await ofa({ prenom: "Odile", nom: "Support" });
    const key = await generateGestiKey(fixture);
    expect((await erpTest(key)).status).toBe(200);
    await env.DB.prepare(
      `INSERT INTO transmissions (id, organisme_id, source, received_at, total, created, updated, unchanged, held, invalid)
       VALUES (?, ?, 'erp', ?, 10, 6, 0, 0, 0, 4)`,
    )
      .bind(crypto.randomUUID(), fixture.organisme.id, new Date().toISOString())
      .run();
    const response = await apiFetch(`/api/administration/organismes/${fixture.organisme.id}`, { cookie });
    expect(response.status).toBe(200);
    const view = await response.json<OrganismeSupport>();
    expect(view.organisme).toMatchObject({ id: fixture.organisme.id, uai: fixture.organisme.uai, erp: "gesti" });
    expect(view.fiabilite.fiable).toBe(true);
    expect(view.utilisateurs.map((u) => `${u.prenom} ${u.nom}`)).toEqual(["Odile Support"]);
    expect(view.connection.status).toBe("installed");
    expect(view.audit.map((a) => a.action)).toEqual(expect.arrayContaining(["erp_chosen", "key_generated"]));
    expect(view.cles).toHaveLength(1);
    expect(view.cles[0]).toMatchObject({ prefix: key.slice(0, 8), revokedAt: null });
    expect(view.cles[0].lastUsedAt).not.toBeNull();
    expect(view.transmissions[0]).toMatchObject({ total: 10, invalid: 4, valides: 6, tauxErreur: 0.4 });
    expect(view.tauxErreur).toBe(0.4);
    expect(JSON.stringify(view)).not.toContain(key);
    expect((await apiFetch("/api/administration/organismes/inconnu", { cookie })).status).toBe(404);
  });

  it("resets the configuration through the hub: the OFA's open page is told, its key no longer works", async () => {
    const administrateur = await admin();
    const fixture = await ofa();
    const key = await generateGestiKey(fixture);
    const live = await dashboard(fixture.organisme.id, fixture.cookie);
    const response = await apiFetch(`/api/administration/organismes/${fixture.organisme.id}/reinitialiser`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(response.status).toBe(200);
    expect((await response.json<ActionSupportResponse>()).connection.status).toBe("none");
    await live.socket.next((m) => m.type === "connection" && (m.connection as { status: string }).status === "none");
    expect([401, 403]).toContain((await erpTest(key)).status);
    const settings = await (
      await call(`/api/organismes/${fixture.organisme.id}/transmission`, fixture.cookie)
    ).json<{
      settings: { erp: string | null };
    }>();
    expect(settings.settings.erp).toBeNull();
    const [reset] = (await auditActions(administrateur.id)).filter((a) => a.action === "reset");
    expect(reset).toBeDefined();
  });

  it("revokes the key through the hub: the procedure ends, the ERP is refused, the revocation is audited", async () => {
    const administrateur = await admin();
    const fixture = await ofa();
    const key = await generateGestiKey(fixture);
    expect((await erpTest(key)).status).toBe(200);
    const keyId = await keyIdOf(key);
    const live = await dashboard(fixture.organisme.id, fixture.cookie);
    const response = await apiFetch(`/api/administration/organismes/${fixture.organisme.id}/revoquer-cle`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(response.status).toBe(200);
    expect((await response.json<ActionSupportResponse>()).connection).toMatchObject({ status: "none", key: null });
    await live.socket.next((m) => m.type === "connection" && (m.connection as { status: string }).status === "none");
    expect([401, 403]).toContain((await erpTest(key)).status);
    const row = await env.DB.prepare("SELECT revoked_reason FROM api_keys WHERE id = ?")
      .bind(keyId)
      .first<{ revoked_reason: string }>();
    expect(row?.revoked_reason).toBe("admin");
    expect((await auditActions(administrateur.id)).map((a) => a.action)).toEqual(["key_revoked"]);
    const none = await apiFetch(`/api/administration/organismes/${fixture.organisme.id}/revoquer-cle`, {
      method: "POST",
      cookie: administrateur.cookie,
    });
    expect(none.status).toBe(409);
  });
});

describe("administration: the transmission overview", () => {
  it("gives each organisme's mode, ERP, state, key, last push and its invalid share; filters and pages", async () => {
    const { cookie } = await admin();
    const region = "94";
    const confirmee = await ofa();
    await env.DB.prepare("UPDATE organismes SET region = ? WHERE id = ?").bind(region, confirmee.organisme.id).run();
    const key = await generateGestiKey(confirmee);
    expect((await erpTest(key)).status).toBe(200);
    expect(
      (await call(`/api/organismes/${confirmee.organisme.id}/transmission/confirmer`, confirmee.cookie, {})).status,
    ).toBe(200);
    const recent = new Date().toISOString();
    await env.DB.prepare(
      `INSERT INTO transmissions (id, organisme_id, source, received_at, total, created, updated, unchanged, held, invalid)
       VALUES (?, ?, 'erp', ?, 8, 6, 0, 0, 0, 2)`,
    )
      .bind(crypto.randomUUID(), confirmee.organisme.id, recent)
      .run();
    await env.DB.prepare("UPDATE organismes SET last_transmission_at = ? WHERE id = ?")
      .bind(recent, confirmee.organisme.id)
      .run();

    const endormi = await createOrganisme({ region });
    const old = new Date(Date.now() - 40 * 24 * 3600_000).toISOString();
    await env.DB.prepare("UPDATE organismes SET mode_transmission = 'manuel', last_transmission_at = ? WHERE id = ?")
      .bind(old, endormi.id)
      .run();
    const rien = await createOrganisme({ region });

    const vue = async (query: string) => {
      const response = await apiFetch(`/api/administration/transmissions?region=${region}&${query}`, { cookie });
      expect(response.status, query).toBe(200);
      return response.json<VueTransmissionsPage>();
    };
    const all = await vue("");
    expect(all.total).toBe(3);
    expect(all.organismes.map((o) => o.id)).toEqual([confirmee.organisme.id, endormi.id, rien.id]);
    expect(all.organismes[0]).toMatchObject({
      mode: "api",
      erp: "gesti",
      erpLabel: "Gesti",
      etat: "confirmed",
      clePresente: true,
      partInvalides: 0.25,
    });
    expect(all.organismes[1]).toMatchObject({ mode: "manuel", etat: "none", clePresente: false });
    expect(all.organismes[2]).toMatchObject({ mode: "none", etat: "none", partInvalides: null });
    expect(all.erps.map((e) => e.id)).toContain("gesti");

    expect((await vue("erp=gesti")).organismes.map((o) => o.id)).toEqual([confirmee.organisme.id]);
    expect((await vue("etat=confirmed")).organismes.map((o) => o.id)).toEqual([confirmee.organisme.id]);
    expect((await vue("mode=none")).organismes.map((o) => o.id)).toEqual([rien.id]);
    expect((await vue("inactif=1")).organismes.map((o) => o.id)).toEqual([endormi.id]);
    const page2 = await vue("taille=1&page=2");
    expect(page2).toMatchObject({ total: 3, page: 2, taille: 1 });
    expect(page2.organismes.map((o) => o.id)).toEqual([endormi.id]);
    expect((await vue("export=1&taille=1")).organismes).toHaveLength(3);

    const bad = await apiFetch("/api/administration/transmissions?etat=inconnu", { cookie });
    expect(bad.status).toBe(400);
  });
});
