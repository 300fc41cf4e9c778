import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/lib/crypto";
import { apiFetch, createUser, loginAs } from "../helpers/accounts";

async function requestReset(email: string): Promise<string> {
  const response = await apiFetch("/api/auth/mot-de-passe-oublie", { body: { email } });
  expect(response.status).toBe(200);
  const mail = await env.DB.prepare("SELECT body FROM outbox_emails WHERE `to` = ? ORDER BY id DESC")
    .bind(email)
    .first<{ body: string }>();
  const token = /\/reinitialisation\?token=([0-9a-f]{64})/.exec(mail?.body ?? "")?.[1];
  if (!token) throw new Error("no reset link in the outbox");
  return token;
}

describe("password reset", () => {
  it("sends a link whose token is stored hashed, sets the new password once, and ends old sessions", async () => {
    const user = await createUser();
    const oldSession = await loginAs(user.email, user.password);
    const token = await requestReset(user.email);
    const stored = await env.DB.prepare("SELECT token_hash FROM password_resets WHERE user_id = ?")
      .bind(user.id)
      .first<{ token_hash: string }>();
    expect(stored?.token_hash).toBe(await sha256Hex(token));

    const reset = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token, password: "mon-nouveau-mot-de-passe" },
    });
    expect(reset.status).toBe(200);
    expect((await apiFetch("/api/auth/me", { cookie: oldSession })).status).toBe(401);
    await loginAs(user.email, "mon-nouveau-mot-de-passe");
    const oldPassword = await apiFetch("/api/auth/connexion", { body: { email: user.email, password: user.password } });
    expect(oldPassword.status).toBe(401);

    const again = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token, password: "encore-un-autre-mot-de-passe" },
    });
    expect(again.status).toBe(400);
    expect((await again.json<{ message: string }>()).message).toMatch(/n'est plus valide/);
  });

  it("refuses an expired token", async () => {
    const user = await createUser();
    const token = await requestReset(user.email);
    await env.DB.prepare("UPDATE password_resets SET expires_at = ? WHERE user_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), user.id)
      .run();
    const response = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token, password: "mon-nouveau-mot-de-passe" },
    });
    expect(response.status).toBe(400);
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const known = await createUser();
    const a = await apiFetch("/api/auth/mot-de-passe-oublie", { body: { email: known.email } });
    const b = await apiFetch("/api/auth/mot-de-passe-oublie", { body: { email: "inconnu@example.fr" } });
    expect(await a.json()).toEqual(await b.json());
    const sent = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox_emails WHERE `to` = ?")
      .bind("inconnu@example.fr")
      .first<{ n: number }>();
    expect(sent?.n).toBe(0);
  });

  it("applies the password policy to the new password", async () => {
    const user = await createUser();
    const token = await requestReset(user.email);
    const response = await apiFetch("/api/auth/reinitialiser-mot-de-passe", { body: { token, password: "court" } });
    expect(response.status).toBe(400);
    expect((await response.json<{ message: string }>()).message).toBe(
      "Le mot de passe doit contenir au moins 12 caractères.",
    );
  });

  it("a reset deletes the user's other reset links", async () => {
    const user = await createUser();
    const first = await requestReset(user.email);
    const second = await requestReset(user.email);
    expect(first).not.toBe(second);
    const reset = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token: second, password: "mon-nouveau-mot-de-passe" },
    });
    expect(reset.status).toBe(200);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ?")
      .bind(user.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
    const older = await apiFetch("/api/auth/reinitialiser-mot-de-passe", {
      body: { token: first, password: "un-autre-mot-de-passe-encore" },
    });
    expect(older.status).toBe(400);
    await loginAs(user.email, "mon-nouveau-mot-de-passe");
  });

  it("limits the requests per IP address, in French with Retry-After", async () => {
    const headers = { "CF-Connecting-IP": "198.51.100.23" };
    for (let i = 0; i < 10; i++) {
      const response = await apiFetch("/api/auth/mot-de-passe-oublie", {
        body: { email: `personne-${i}@example.fr` },
        headers,
      });
      expect(response.status).toBe(200);
    }
    const refused = await apiFetch("/api/auth/mot-de-passe-oublie", {
      body: { email: "personne-10@example.fr" },
      headers,
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await refused.json<{ message: string }>()).message).toBe(
      "Trop de demandes depuis cette adresse. Veuillez réessayer dans une minute.",
    );
    const otherIp = await apiFetch("/api/auth/mot-de-passe-oublie", {
      body: { email: "personne-10@example.fr" },
      headers: { "CF-Connecting-IP": "198.51.100.24" },
    });
    expect(otherIp.status).toBe(200);
  });
});
