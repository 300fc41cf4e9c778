import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("the app shell", () => {
  it("answers unknown API routes with a JSON 404 in French", async () => {
    const response = await SELF.fetch("http://localhost:8787/api/nexiste-pas");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not Found", message: "Cette adresse de l'API n'existe pas." });
  });

  it("serves the SPA with secure headers for any page path", async () => {
    const response = await SELF.fetch("http://localhost:8787/tableau-de-bord");
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await response.text()).toContain('<div id="root">');
  });

  it("refuses a mutating request from another origin", async () => {
    const response = await SELF.fetch("http://localhost:8787/api/auth/logout", {
      method: "POST",
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe("Origine de la requête non autorisée.");
  });
});
