import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/lib/crypto";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../worker/lib/session";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

const sessionToken = (setCookie: string | null) => /tba_session=([^;]*)/.exec(setCookie ?? "")?.[1] ?? "";

describe("connexion", () => {
  it("opens a session in a secure cookie and stores only the token's hash", async () => {
    const organisme = await createOrganisme({ raisonSociale: "CFA DU BÂTIMENT" });
    const user = await createUser({
      email: "Camille.Martin@example.fr",
      organismeId: organisme.id,
      prenom: "Camille",
      nom: "Martin",
    });
    const response = await apiFetch("/api/auth/connexion", {
      body: { email: " camille.martin@EXAMPLE.fr ", password: user.password },
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const token = sessionToken(setCookie);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const stored = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?")
      .bind(user.id)
      .all<{ token_hash: string }>();
    expect(stored.results.map((r) => r.token_hash)).toEqual([await sha256Hex(token)]);

    const me = await apiFetch("/api/auth/me", { cookie: `tba_session=${token}` });
    expect(await me.json()).toEqual({
      user: {
        id: user.id,
        email: "camille.martin@example.fr",
        civilite: "Madame",
        prenom: "Camille",
        nom: "Martin",
        status: "active",
        isAdmin: false,
        role: "administrateur",
        organisationType: "ORGANISME_FORMATION",
        organisationLabel: "ORGANISME_FORMATION de test",
        organismeId: organisme.id,
      },
    });
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const user = await createUser();
    const wrong = await apiFetch("/api/auth/connexion", {
      body: { email: user.email, password: "pas le bon mot de passe" },
    });
    const unknown = await apiFetch("/api/auth/connexion", {
      body: { email: "personne@example.fr", password: "pas le bon mot de passe" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers 401 on /me without a session", async () => {
    const response = await apiFetch("/api/auth/me");
    expect(response.status).toBe(401);
    expect((await response.json<{ message: string }>()).message).toBe("Vous devez être connecté.");
  });

  it("closes the session on déconnexion (and on the /logout alias)", async () => {
    const user = await createUser();
    for (const path of ["/api/auth/deconnexion", "/api/auth/logout"]) {
      const cookie = await loginAs(user.email, user.password);
      const response = await apiFetch(path, { method: "POST", cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("Set-Cookie")).toMatch(/tba_session=;/);
      expect((await apiFetch("/api/auth/me", { cookie })).status).toBe(401);
    }
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?")
      .bind(user.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("lets a pending user log in but not use the API", async () => {
    const user = await createUser({ status: "pending" });
    const cookie = await loginAs(user.email, user.password);
    const me = await apiFetch("/api/auth/me", { cookie });
    expect((await me.json<{ user: { status: string } }>()).user.status).toBe("pending");
    const comptes = await apiFetch("/api/comptes", { cookie });
    expect(comptes.status).toBe(403);
    expect((await comptes.json<{ message: string }>()).message).toBe("Votre compte est en attente de validation.");
  });

  it("refuses a disabled account", async () => {
    const user = await createUser({ status: "disabled" });
    const response = await apiFetch("/api/auth/connexion", { body: { email: user.email, password: user.password } });
    expect(response.status).toBe(403);
  });

  it("rate-limits failed logins per e-mail with a 429 and Retry-After", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) {
      const failed = await apiFetch("/api/auth/connexion", {
        body: { email: user.email, password: `mauvais mot de passe ${i}` },
      });
      expect(failed.status).toBe(401);
    }
    const blocked = await apiFetch("/api/auth/connexion", { body: { email: user.email, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await blocked.json<{ message: string }>()).message).toBe(
      "Trop de tentatives de connexion. Veuillez réessayer dans une minute.",
    );
    // Another account from the same client is not locked out by these failures.
    const other = await createUser();
    expect(
      (await apiFetch("/api/auth/connexion", { body: { email: other.email, password: other.password } })).status,
    ).toBe(200);
  });
});

describe("session expiry", () => {
  async function insertSession(userId: string, createdAgoMs: number, lastSeenAgoMs: number): Promise<string> {
    const token = crypto.randomUUID();
    const now = Date.now();
    await env.DB.prepare(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    )
      .bind(
        await sha256Hex(token),
        userId,
        new Date(now - createdAgoMs).toISOString(),
        new Date(now - lastSeenAgoMs).toISOString(),
        new Date(now - createdAgoMs + SESSION_ABSOLUTE_MS).toISOString(),
      )
      .run();
    return `tba_session=${token}`;
  }

  it("keeps a recent, active session", async () => {
    const user = await createUser();
    const cookie = await insertSession(user.id, SESSION_ABSOLUTE_MS / 2, SESSION_IDLE_MS / 2);
    expect((await apiFetch("/api/auth/me", { cookie })).status).toBe(200);
  });

  it("ends a session past its absolute lifetime, even if active", async () => {
    const user = await createUser();
    const cookie = await insertSession(user.id, SESSION_ABSOLUTE_MS + 1000, 1000);
    expect((await apiFetch("/api/auth/me", { cookie })).status).toBe(401);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?")
      .bind(user.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("ends a session idle for too long", async () => {
    const user = await createUser();
    const cookie = await insertSession(user.id, SESSION_IDLE_MS + 5000, SESSION_IDLE_MS + 1000);
    expect((await apiFetch("/api/auth/me", { cookie })).status).toBe(401);
  });
});

describe("GET /api/auth/session", () => {
  it("answers 200 with the user, or null for a visitor", async () => {
    expect(await (await apiFetch("/api/auth/session")).json()).toEqual({ user: null });
    const user = await createUser({ prenom: "Inès", nom: "Garnier" });
    const body = (await (await apiFetch("/api/auth/session", { cookie: await loginAs(user.email) })).json()) as {
      user: { prenom: string };
    };
    expect(body.user).toMatchObject({ prenom: "Inès", email: user.email });
  });
});
