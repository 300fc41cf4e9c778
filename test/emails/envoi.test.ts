import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EmailsAdministration } from "../../worker/domain/emails";
import { createMailer } from "../../worker/lib/mailer";
import { MAX_ATTEMPTS, retryDelayMs, sendPendingEmails } from "../../worker/scheduled/envoi-emails";
import { apiFetch, createUser, loginAs } from "../helpers/accounts";

const T0 = new Date("2026-12-01T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const etat = async (to: string) =>
  env.DB.prepare(
    'SELECT status, attempts, next_attempt_at, last_error, provider_message_id FROM outbox_emails WHERE "to" = ?',
  )
    .bind(to)
    .first<{
      status: string;
      attempts: number;
      next_attempt_at: string | null;
      last_error: string | null;
      provider_message_id: string | null;
    }>();

/** What the local Brevo server accepted, over real HTTP. */
const recus = async () =>
  (await (await fetch(`${env.MAIL_API_URL}/__recus`)).json()) as {
    apiKey: string;
    body: { sender: { email: string }; to: { email: string }[]; subject: string; textContent: string };
  }[];

describe("e-mail really sent, from the outbox, with retries", () => {
  it("backs off exponentially up to 6 hours", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(6 * 3600_000);
  });

  it("sends through the provider's HTTP API, retries a 503 later, fails a 400 for good with its reason", async () => {
    const mailer = createMailer(env);
    await mailer.send({ to: "camille@example.fr", subject: "Votre compte est validé", body: "Bonjour Camille" });
    await mailer.send({ to: "panne@example.fr", subject: "Essai", body: "Bonjour" });
    await mailer.send({ to: "refuse@example.fr", subject: "Essai", body: "Bonjour" });

    expect(await sendPendingEmails(env, T0)).toEqual({ sent: 1, retried: 1, failed: 1 });
    const envoye = (await recus()).find((r) => r.body.to[0].email === "camille@example.fr");
    expect(envoye).toMatchObject({
      body: { subject: "Votre compte est validé", textContent: "Bonjour Camille", sender: { email: env.MAIL_FROM } },
    });
    expect(await etat("camille@example.fr")).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect((await etat("camille@example.fr"))!.provider_message_id).toMatch(/@fake-brevo>$/);
    expect(await etat("refuse@example.fr")).toMatchObject({ status: "failed", attempts: 1, next_attempt_at: null });
    expect((await etat("refuse@example.fr"))!.last_error).toContain("400");
    expect(await etat("panne@example.fr")).toMatchObject({
      status: "pending",
      attempts: 1,
      next_attempt_at: at(60_000).toISOString(),
    });

    // Not due yet: nothing is tried, nothing sent twice.
    expect(await sendPendingEmails(env, at(30_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    // Second attempt (503 again), then the third one, 2 minutes later, goes through.
    expect(await sendPendingEmails(env, at(60_000))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await etat("panne@example.fr"))!.next_attempt_at).toBe(at(180_000).toISOString());
    expect(await sendPendingEmails(env, at(180_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await etat("panne@example.fr")).toMatchObject({ status: "sent", attempts: 3 });
    expect((await recus()).filter((r) => r.body.to[0].email === "camille@example.fr")).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    await env.DB.prepare(
      `INSERT INTO outbox_emails ("to", subject, body, created_at, attempts) VALUES ('panne-longue@example.fr', 's', 'b', ?, ?)`,
    )
      .bind(T0.toISOString(), MAX_ATTEMPTS - 1)
      .run();
    // Its first two attempts at the server fail (503): this one is the last the queue allows.
    expect(await sendPendingEmails(env, T0)).toMatchObject({ failed: 1 });
    expect(await etat("panne-longue@example.fr")).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("leaves the queue alone without a provider key", async () => {
    await createMailer(env).send({ to: "sans-cle@example.fr", subject: "s", body: "b" });
    expect(await sendPendingEmails({ ...env, BREVO_API_KEY: undefined }, T0)).toBeNull();
    expect(await etat("sans-cle@example.fr")).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("shows administrators each message's state, and sends a failed one again on request (audited)", async () => {
    await createMailer(env).send({ to: "refuse-2@example.fr", subject: "s", body: "b" });
    await sendPendingEmails(env, T0);
    const admin = await createUser({ isAdmin: true });
    const cookie = await loginAs(admin.email);
    const ofa = await createUser();
    expect((await apiFetch("/api/administration/emails", { cookie: await loginAs(ofa.email) })).status).toBe(403);

    const liste = (await (
      await apiFetch("/api/administration/emails?statut=failed", { cookie })
    ).json()) as EmailsAdministration;
    expect(liste.fournisseurConfigure).toBe(true);
    expect(liste.compteurs.failed).toBeGreaterThanOrEqual(1);
    const echec = liste.emails.find((e) => e.to === "refuse-2@example.fr")!;
    expect(echec).toMatchObject({ status: "failed", attempts: 1 });
    expect(echec.lastError).toContain("400");
    expect(liste.emails.every((e) => e.status === "failed")).toBe(true);

    const renvoi = await apiFetch(`/api/administration/emails/${echec.id}/renvoyer`, { method: "POST", cookie });
    expect(renvoi.status).toBe(200);
    expect(await etat("refuse-2@example.fr")).toMatchObject({ status: "pending", attempts: 0, next_attempt_at: null });
    expect((await apiFetch(`/api/administration/emails/${echec.id}/renvoyer`, { method: "POST", cookie })).status).toBe(
      404,
    );
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'email-renvoye'").all<{
      detail: string;
    }>();
    expect(audit.results.map((a) => JSON.parse(a.detail).id)).toContain(echec.id);
  });
});
