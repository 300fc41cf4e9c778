import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { SessionResponse } from "../../worker/domain/comptes";
import type { InvitationEnvoyee, InvitationOuverte, MonOrganisationResponse } from "../../worker/domain/membres";
import type { TransmissionView } from "../../worker/domain/transmission-view";
import { sha256Hex } from "../../worker/lib/crypto";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { sessionCookie } from "../connection/helpers";
import { dashboard, sessionsOf } from "../administration/helpers";

/** An OFA's organisation with its administrateur (its first active user), logged in. */
async function organisation() {
  const organisme = await createOrganisme();
  const admin = await createUser({ organismeId: organisme.id, prenom: "Odile", nom: "Admin" });
  return { organisme, admin: { ...admin, cookie: await sessionCookie(admin.id) } };
}

async function membreDe(organisationId: string, fixture: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser({ organisationId, role: "membre", ...fixture });
  return { ...user, cookie: await sessionCookie(user.id) };
}

const roleOf = async (userId: string) =>
  (await env.DB.prepare("SELECT role, status FROM users WHERE id = ?").bind(userId).first<{
    role: string;
    status: string;
  }>())!;

const auditOf = async (action: string, detail: string) =>
  (
    await env.DB.prepare("SELECT action, detail, organisme_id FROM audit_log WHERE action = ? AND detail LIKE ?")
      .bind(action, `%${detail}%`)
      .all<{ action: string; detail: string; organisme_id: string | null }>()
  ).results;

async function inviter(cookie: string, email: string, role = "membre") {
  const response = await apiFetch("/api/organisation/invitations", { cookie, body: { email, role } });
  expect(response.status, await response.clone().text()).toBe(201);
  const body = await response.json<InvitationEnvoyee>();
  const mail = await env.DB.prepare('SELECT subject, body FROM outbox_emails WHERE "to" = ? ORDER BY id DESC')
    .bind(email.toLowerCase())
    .first<{ subject: string; body: string }>();
  const jeton = /\/invitation\?jeton=([0-9a-f]+)/.exec(mail!.body)![1];
  return { ...body, jeton, mail: mail! };
}

const creerCompte = (jeton: string, extra: Record<string, unknown> = {}) =>
  apiFetch("/api/organisation/invitation/compte", {
    body: { jeton, civilite: "Monsieur", prenom: "Paul", nom: "Invité", password: "un-mot-de-passe-long", ...extra },
  });

const monOrganisation = async (cookie: string) => {
  const response = await apiFetch("/api/organisation/membres", { cookie });
  expect(response.status).toBe(200);
  return response.json<MonOrganisationResponse>();
};

const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}@example.fr`;

describe("membres: the first validated user is the administrateur", () => {
  it("validating the first pending account of an organisation makes it its administrateur, the next a membre", async () => {
    const organisme = await createOrganisme();
    const first = await createUser({ organismeId: organisme.id, status: "pending" });
    const second = await createUser({ organisationId: first.organisationId, status: "pending" });
    const admin = await createUser({ isAdmin: true });
    const adminCookie = await loginAs(admin.email);
    for (const u of [first, second])
      expect((await apiFetch(`/api/comptes/${u.id}/valider`, { method: "POST", cookie: adminCookie })).status).toBe(
        200,
      );
    expect(await roleOf(first.id)).toEqual({ role: "administrateur", status: "active" });
    expect(await roleOf(second.id)).toEqual({ role: "membre", status: "active" });
    const me = await (await apiFetch("/api/auth/me", { cookie: await loginAs(first.email) })).json<SessionResponse>();
    expect(me.user?.role).toBe("administrateur");
  });

  it("a member validating a colleague keeps the colleague a membre", async () => {
    const { admin } = await organisation();
    const pending = await createUser({ organisationId: admin.organisationId, status: "pending" });
    expect(
      (await apiFetch(`/api/comptes/${pending.id}/valider`, { method: "POST", cookie: admin.cookie })).status,
    ).toBe(200);
    expect((await roleOf(pending.id)).role).toBe("membre");
  });

  it("the migration's backfill: the oldest validated active user of each organisation is its administrateur", async () => {
    const organisme = await createOrganisme();
    const a = await createUser({ organismeId: organisme.id, role: "membre" });
    const b = await createUser({ organisationId: a.organisationId, role: "membre" });
    const c = await createUser({ organisationId: a.organisationId, role: "membre", status: "pending" });
    await env.DB.prepare("UPDATE users SET validated_at = ? WHERE id = ?").bind("2024-05-01T00:00:00.000Z", a.id).run();
    await env.DB.prepare("UPDATE users SET validated_at = ? WHERE id = ?").bind("2023-01-01T00:00:00.000Z", b.id).run();
    // the migration's statement, as written in db/migrations/0014_membres_invitations.sql
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0014_"))!;
    const backfill = migration.queries.find((q) => q.includes("UPDATE `users`"))!;
    await env.DB.prepare(
      backfill.replace("WHERE `status` = 'active'", "WHERE `status` = 'active' AND `organisation_id` = ?1"),
    )
      .bind(a.organisationId)
      .run();
    expect((await roleOf(b.id)).role).toBe("administrateur");
    expect((await roleOf(a.id)).role).toBe("membre");
    expect((await roleOf(c.id)).role).toBe("membre");
  });
});

describe("membres: who may call what", () => {
  it("a visitor is a 401; a membre reads Mon organisation but cannot invite, change a role or remove (403)", async () => {
    const { admin } = await organisation();
    const membre = await membreDe(admin.organisationId);
    expect((await apiFetch("/api/organisation/membres")).status).toBe(401);
    const vue = await monOrganisation(membre.cookie);
    expect(vue).toMatchObject({ role: "membre", peutGerer: false, invitations: [] });
    expect(vue.membres.map((m) => [m.id, m.role])).toEqual([
      [admin.id, "administrateur"],
      [membre.id, "membre"],
    ]);
    const refused: [string, unknown][] = [
      ["/api/organisation/invitations", { email: uniqueEmail("x"), role: "membre" }],
      ["/api/organisation/invitations/x/revoquer", {}],
      [`/api/organisation/membres/${admin.id}/role`, { role: "membre" }],
      [`/api/organisation/membres/${admin.id}/retirer`, {}],
    ];
    for (const [path, body] of refused) {
      expect((await apiFetch(path, { body })).status, path).toBe(401);
      const response = await apiFetch(path, { cookie: membre.cookie, body });
      expect(response.status, path).toBe(403);
      expect((await response.json<{ message: string }>()).message).toBe(
        "Seuls les administrateurs de votre organisation peuvent gérer ses membres.",
      );
    }
    expect((await roleOf(admin.id)).role).toBe("administrateur");
  });

  it("another organisation's administrateur cannot touch yours (404), nor see its invitations", async () => {
    const mine = await organisation();
    const membre = await membreDe(mine.admin.organisationId);
    const other = await organisation();
    const { invitation } = await inviter(mine.admin.cookie, uniqueEmail("pour-moi"));
    for (const path of [
      `/api/organisation/membres/${membre.id}/role`,
      `/api/organisation/membres/${membre.id}/retirer`,
    ])
      expect((await apiFetch(path, { cookie: other.admin.cookie, body: { role: "administrateur" } })).status).toBe(404);
    expect(
      (
        await apiFetch(`/api/organisation/invitations/${invitation.id}/revoquer`, {
          method: "POST",
          cookie: other.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect(await roleOf(membre.id)).toEqual({ role: "membre", status: "active" });
    const theirs = await monOrganisation(other.admin.cookie);
    expect(theirs.membres.map((m) => m.id)).toEqual([other.admin.id]);
    expect(theirs.invitations).toEqual([]);
    expect((await monOrganisation(mine.admin.cookie)).invitations.map((i) => i.id)).toEqual([invitation.id]);
  });

  it("a pending account is refused Mon organisation (403)", async () => {
    const { admin } = await organisation();
    const pending = await createUser({ organisationId: admin.organisationId, status: "pending" });
    expect((await apiFetch("/api/organisation/membres", { cookie: await sessionCookie(pending.id) })).status).toBe(403);
  });
});

describe("membres: roles and the last administrateur", () => {
  it("promotes and demotes; the last administrateur can be neither demoted nor removed (French 409)", async () => {
    const { organisme, admin } = await organisation();
    const membre = await membreDe(admin.organisationId);
    const demote = await apiFetch(`/api/organisation/membres/${admin.id}/role`, {
      cookie: admin.cookie,
      body: { role: "membre" },
    });
    expect(demote.status).toBe(409);
    expect((await demote.json<{ message: string }>()).message).toMatch(/garder au moins un administrateur/);
    const remove = await apiFetch(`/api/organisation/membres/${admin.id}/retirer`, {
      method: "POST",
      cookie: admin.cookie,
    });
    expect(remove.status).toBe(409);
    expect(await roleOf(admin.id)).toEqual({ role: "administrateur", status: "active" });
    expect(await sessionsOf(admin.id)).toHaveLength(1);
    expect(await auditOf("membre_retire", admin.email)).toEqual([]);

    const promote = await apiFetch(`/api/organisation/membres/${membre.id}/role`, {
      cookie: admin.cookie,
      body: { role: "administrateur" },
    });
    expect(promote.status).toBe(200);
    expect((await roleOf(membre.id)).role).toBe("administrateur");
    // now the first one may step down
    const stepDown = await apiFetch(`/api/organisation/membres/${admin.id}/role`, {
      cookie: admin.cookie,
      body: { role: "membre" },
    });
    expect(stepDown.status).toBe(200);
    expect((await stepDown.json<MonOrganisationResponse>()).peutGerer).toBe(false);
    expect((await roleOf(admin.id)).role).toBe("membre");
    // and the new one cannot
    const last = await apiFetch(`/api/organisation/membres/${membre.id}/role`, {
      cookie: membre.cookie,
      body: { role: "membre" },
    });
    expect(last.status).toBe(409);
    expect(await auditOf("membre_role_modifie", membre.email)).toEqual([
      {
        action: "membre_role_modifie",
        detail: `${membre.email} : membre → administrateur`,
        organisme_id: organisme.id,
      },
    ]);
    const bad = await apiFetch(`/api/organisation/membres/${membre.id}/role`, {
      cookie: membre.cookie,
      body: { role: "chef" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json<{ message: string }>()).message).toBe("Choisissez le rôle : administrateur ou membre.");
  });
});

describe("membres: only administrateurs configure the transmission", () => {
  it("a membre reads Paramètres but every change is a French 403; the administrateur may", async () => {
    const { organisme, admin } = await organisation();
    const membre = await membreDe(admin.organisationId);
    const view = await apiFetch(`/api/organismes/${organisme.id}/transmission`, { cookie: membre.cookie });
    expect(view.status).toBe(200);
    expect(await view.json<TransmissionView>()).toMatchObject({ canConfigure: false, membre: true });
    for (const [path, body] of [
      ["erp", { erp: "gesti" }],
      ["cle", {}],
      ["confirmer", {}],
      ["refuser", {}],
      ["reinitialiser", {}],
    ] as const) {
      const response = await apiFetch(`/api/organismes/${organisme.id}/transmission/${path}`, {
        cookie: membre.cookie,
        body,
      });
      expect(response.status, path).toBe(403);
      expect((await response.json<{ message: string }>()).message).toBe(
        "Seuls les administrateurs de votre organisation peuvent paramétrer sa transmission.",
      );
    }
    const adminView = await (
      await apiFetch(`/api/organismes/${organisme.id}/transmission`, { cookie: admin.cookie })
    ).json<TransmissionView>();
    expect(adminView).toMatchObject({ canConfigure: true, membre: false });
    const erp = await apiFetch(`/api/organismes/${organisme.id}/transmission/erp`, {
      cookie: admin.cookie,
      body: { erp: "gesti" },
    });
    expect(erp.status).toBe(200);
    const cle = await apiFetch(`/api/organismes/${organisme.id}/transmission/cle`, {
      method: "POST",
      cookie: admin.cookie,
    });
    expect(cle.status).toBe(200);
    // promoted, the membre may too
    await apiFetch(`/api/organisation/membres/${membre.id}/role`, {
      cookie: admin.cookie,
      body: { role: "administrateur" },
    });
    const reset = await apiFetch(`/api/organismes/${organisme.id}/transmission/reinitialiser`, {
      method: "POST",
      cookie: membre.cookie,
    });
    expect(reset.status).toBe(200);
  });
});

describe("membres: invitations", () => {
  it("sends a link valid 7 days through the outbox, stores only its SHA-256, audits it and lists it", async () => {
    const { organisme, admin } = await organisation();
    const email = uniqueEmail("invite");
    const before = Date.now();
    const { invitation, jeton, mail } = await inviter(admin.cookie, email.toUpperCase(), "administrateur");
    expect(invitation.email).toBe(email);
    expect(mail.subject).toMatch(/^Invitation à rejoindre /);
    expect(mail.body).toMatch(/valable 7 jours, une seule fois/);
    const row = await env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(invitation.id).first<{
      token_hash: string;
      expires_at: string;
      created_at: string;
      role: string;
      invited_by: string;
    }>();
    expect(row!.token_hash).toBe(await sha256Hex(jeton));
    expect(JSON.stringify(row)).not.toContain(jeton);
    expect(row!.invited_by).toBe(admin.id);
    expect(row!.role).toBe("administrateur");
    const validity = Date.parse(row!.expires_at) - Date.parse(row!.created_at);
    expect(validity).toBe(7 * 24 * 3600_000);
    expect(Date.parse(row!.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect((await auditOf("invitation_envoyee", email))[0]).toMatchObject({ organisme_id: organisme.id });
    const vue = await monOrganisation(admin.cookie);
    expect(vue.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, email, role: "administrateur", invitePar: "Odile Admin" }),
    ]);
    // the visitor's view of the link
    const ouverte = await apiFetch(`/api/organisation/invitation?jeton=${jeton}`);
    expect(ouverte.status).toBe(200);
    expect(await ouverte.json<InvitationOuverte>()).toMatchObject({
      email,
      role: "administrateur",
      compteExistant: false,
    });
    // an e-mail already a member is a 409
    const deja = await apiFetch("/api/organisation/invitations", {
      cookie: admin.cookie,
      body: { email: admin.email, role: "membre" },
    });
    expect(deja.status).toBe(409);
  });

  it("the link creates an active account in the organisation, once; the new member is listed and logged in", async () => {
    const { admin } = await organisation();
    const email = uniqueEmail("nouveau");
    const { jeton } = await inviter(admin.cookie, email);
    const weak = await creerCompte(jeton, { password: "court" });
    expect(weak.status).toBe(400);
    expect((await weak.json<{ message: string }>()).message).toMatch(/au moins 12 caractères/);
    const created = await creerCompte(jeton);
    expect(created.status).toBe(201);
    const cookie = /tba_session=([^;]+)/.exec(created.headers.get("Set-Cookie") ?? "")![0];
    const me = await (await apiFetch("/api/auth/me", { cookie })).json<SessionResponse>();
    expect(me.user).toMatchObject({ email, status: "active", role: "membre", prenom: "Paul", civilite: "Monsieur" });
    const vue = await monOrganisation(admin.cookie);
    expect(vue.membres.find((m) => m.email === email)).toMatchObject({ status: "active", role: "membre" });
    expect(vue.invitations).toEqual([]);
    expect((await apiFetch("/api/auth/connexion", { body: { email, password: "un-mot-de-passe-long" } })).status).toBe(
      200,
    );
    // single use
    const again = await creerCompte(jeton, { prenom: "Autre" });
    expect(again.status).toBe(404);
    expect((await again.json<{ message: string }>()).message).toMatch(/n'est plus valable/);
    expect((await apiFetch(`/api/organisation/invitation?jeton=${jeton}`)).status).toBe(404);
    expect(await auditOf("invitation_acceptee", email)).toHaveLength(1);
  });

  it("expires after 7 days (expires_at rewritten), and a revoked or replaced link no longer works", async () => {
    const { admin } = await organisation();
    const email = uniqueEmail("expire");
    const { invitation, jeton } = await inviter(admin.cookie, email);
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), invitation.id)
      .run();
    expect((await apiFetch(`/api/organisation/invitation?jeton=${jeton}`)).status).toBe(404);
    expect((await creerCompte(jeton)).status).toBe(404);
    expect((await monOrganisation(admin.cookie)).invitations).toEqual([]);

    const second = await inviter(admin.cookie, email);
    const third = await inviter(admin.cookie, email);
    // the new link replaced the previous one
    expect((await creerCompte(second.jeton)).status).toBe(404);
    const revoke = await apiFetch(`/api/organisation/invitations/${third.invitation.id}/revoquer`, {
      method: "POST",
      cookie: admin.cookie,
    });
    expect(revoke.status).toBe(200);
    expect((await revoke.json<MonOrganisationResponse>()).invitations).toEqual([]);
    expect((await creerCompte(third.jeton)).status).toBe(404);
    expect(await auditOf("invitation_annulee", email)).toHaveLength(1);
    const unknown = await apiFetch(`/api/organisation/invitation?jeton=${"0".repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(await env.DB.prepare("SELECT 1 FROM users WHERE email = ?").bind(email).first()).toBeNull();
  });

  it("an existing account is told to log in, then accepts and joins the organisation", async () => {
    const { admin } = await organisation();
    const elsewhere = await createUser({ status: "pending" });
    const { jeton } = await inviter(admin.cookie, elsewhere.email);
    const ouverte = await (await apiFetch(`/api/organisation/invitation?jeton=${jeton}`)).json<InvitationOuverte>();
    expect(ouverte.compteExistant).toBe(true);
    const create = await creerCompte(jeton);
    expect(create.status).toBe(409);
    expect((await create.json<{ message: string }>()).message).toMatch(/connectez-vous, puis acceptez/);
    // somebody else cannot accept it
    const stranger = await createUser();
    const wrong = await apiFetch("/api/organisation/invitation/accepter", {
      cookie: await sessionCookie(stranger.id),
      body: { jeton },
    });
    expect(wrong.status).toBe(403);
    const cookie = await loginAs(elsewhere.email);
    const accepted = await apiFetch("/api/organisation/invitation/accepter", { cookie, body: { jeton } });
    expect(accepted.status).toBe(200);
    const me = await (await apiFetch("/api/auth/me", { cookie })).json<SessionResponse>();
    expect(me.user).toMatchObject({ status: "active", role: "membre" });
    expect((await monOrganisation(admin.cookie)).membres.map((m) => m.email)).toContain(elsewhere.email);
    expect((await apiFetch("/api/organisation/invitation/accepter", { cookie, body: { jeton } })).status).toBe(404);
  });
});

describe("membres: removal", () => {
  it("ends the member's sessions and sockets at once; they can no longer log in; audited", async () => {
    const { organisme, admin } = await organisation();
    const membre = await createUser({ organisationId: admin.organisationId, role: "membre" });
    const cookie = await loginAs(membre.email);
    const other = await loginAs(membre.email);
    const live = await dashboard(organisme.id, cookie);
    const adminLive = await dashboard(organisme.id, admin.cookie);

    const response = await apiFetch(`/api/organisation/membres/${membre.id}/retirer`, {
      method: "POST",
      cookie: admin.cookie,
    });
    expect(response.status).toBe(200);
    expect((await response.json<MonOrganisationResponse>()).membres.map((m) => m.id)).toEqual([admin.id]);
    expect((await live.closedBy()).code).toBe(4401);
    await adminLive.staysOpen();
    expect(await sessionsOf(membre.id)).toEqual([]);
    for (const c of [cookie, other]) expect((await apiFetch("/api/auth/me", { cookie: c })).status).toBe(401);
    const login = await apiFetch("/api/auth/connexion", { body: { email: membre.email, password: membre.password } });
    expect(login.status).toBe(403);
    expect(await roleOf(membre.id)).toEqual({ role: "membre", status: "disabled" });
    expect(await auditOf("membre_retire", membre.email)).toEqual([
      { action: "membre_retire", detail: membre.email, organisme_id: organisme.id },
    ]);
    // removed: a 404 now
    expect(
      (await apiFetch(`/api/organisation/membres/${membre.id}/retirer`, { method: "POST", cookie: admin.cookie }))
        .status,
    ).toBe(404);
    // invited again, they get their account back with the identity and password chosen on the link's page
    const { jeton } = await inviter(admin.cookie, membre.email);
    expect(
      (await (await apiFetch(`/api/organisation/invitation?jeton=${jeton}`)).json<InvitationOuverte>()).compteExistant,
    ).toBe(false);
    expect((await creerCompte(jeton)).status).toBe(201);
    expect(await roleOf(membre.id)).toEqual({ role: "membre", status: "active" });
  });
});
