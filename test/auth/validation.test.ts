import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

const statusOf = async (userId: string) =>
  (await env.DB.prepare("SELECT status FROM users WHERE id = ?").bind(userId).first<{ status: string }>())?.status ??
  null;

describe("validation of pending accounts", () => {
  it("lets a colleague of the same organisation see and validate the account, and e-mails the user", async () => {
    const organisme = await createOrganisme();
    const colleague = await createUser({ organismeId: organisme.id });
    const pending = await createUser({ organismeId: organisme.id, status: "pending" });
    const elsewhere = await createUser({ status: "pending" });
    const cookie = await loginAs(colleague.email, colleague.password);

    const list = await apiFetch("/api/comptes", { cookie });
    const { comptes } = await list.json<{ comptes: { id: string }[] }>();
    expect(comptes.map((c) => c.id)).toEqual([pending.id]);

    const response = await apiFetch(`/api/comptes/${pending.id}/valider`, { method: "POST", cookie });
    expect(response.status).toBe(200);
    expect(await statusOf(pending.id)).toBe("active");
    expect(await statusOf(elsewhere.id)).toBe("pending");
    const mail = await env.DB.prepare("SELECT subject FROM outbox_emails WHERE `to` = ?")
      .bind(pending.email)
      .first<{ subject: string }>();
    expect(mail?.subject).toBe("Votre compte est validé");
    const audit = await env.DB.prepare("SELECT action, organisme_id FROM audit_log WHERE detail = ?")
      .bind(pending.email)
      .first();
    expect(audit).toEqual({ action: "compte_valide", organisme_id: organisme.id });
  });

  it("refuses the validation by a user of another organisation", async () => {
    const pending = await createUser({ status: "pending" });
    const stranger = await createUser();
    const cookie = await loginAs(stranger.email, stranger.password);
    const response = await apiFetch(`/api/comptes/${pending.id}/valider`, { method: "POST", cookie });
    expect(response.status).toBe(403);
    expect(await statusOf(pending.id)).toBe("pending");
    expect((await (await apiFetch("/api/comptes", { cookie })).json<{ comptes: unknown[] }>()).comptes).toEqual([]);
  });

  it("lets an administrator see every pending account and validate any", async () => {
    const a = await createUser({ status: "pending" });
    const b = await createUser({
      status: "pending",
      organisation: { type: "DREETS", codeRegion: "84", label: "DREETS Auvergne-Rhône-Alpes" },
    });
    const admin = await createUser({ isAdmin: true });
    const cookie = await loginAs(admin.email, admin.password);
    const { comptes } = await (await apiFetch("/api/comptes", { cookie })).json<{ comptes: { id: string }[] }>();
    expect(comptes.map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await apiFetch(`/api/comptes/${b.id}/valider`, { method: "POST", cookie })).status).toBe(200);
    expect(await statusOf(b.id)).toBe("active");
  });

  it("a validated user can use the API at once, with the same session", async () => {
    const organisme = await createOrganisme();
    const colleague = await createUser({ organismeId: organisme.id });
    const pending = await createUser({ organismeId: organisme.id, status: "pending" });
    const pendingCookie = await loginAs(pending.email, pending.password);
    expect((await apiFetch("/api/comptes", { cookie: pendingCookie })).status).toBe(403);
    await apiFetch(`/api/comptes/${pending.id}/valider`, {
      method: "POST",
      cookie: await loginAs(colleague.email, colleague.password),
    });
    expect((await apiFetch("/api/comptes", { cookie: pendingCookie })).status).toBe(200);
  });

  it("refusing deletes the request, ends its sessions and tells the person", async () => {
    const organisme = await createOrganisme();
    const colleague = await createUser({ organismeId: organisme.id });
    const pending = await createUser({ organismeId: organisme.id, status: "pending" });
    const pendingCookie = await loginAs(pending.email, pending.password);
    const cookie = await loginAs(colleague.email, colleague.password);
    expect((await apiFetch(`/api/comptes/${pending.id}/refuser`, { method: "POST", cookie })).status).toBe(200);
    expect(await statusOf(pending.id)).toBeNull();
    expect((await apiFetch("/api/auth/me", { cookie: pendingCookie })).status).toBe(401);
    const mail = await env.DB.prepare("SELECT subject FROM outbox_emails WHERE `to` = ?")
      .bind(pending.email)
      .first<{ subject: string }>();
    expect(mail?.subject).toBe("Votre demande de compte n'a pas été acceptée");
    // Nothing left to decide on.
    expect((await apiFetch(`/api/comptes/${pending.id}/valider`, { method: "POST", cookie })).status).toBe(404);
  });

  it("needs a logged-in user", async () => {
    expect((await apiFetch("/api/comptes")).status).toBe(401);
  });
});
