import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser } from "../helpers/accounts";

const personne = (email: string) => ({
  civilite: "Monsieur",
  prenom: "Louis",
  nom: "Durand",
  email,
  password: "un-mot-de-passe-long",
});

async function outboxTo(email: string) {
  const { results } = await env.DB.prepare("SELECT subject, body FROM outbox_emails WHERE `to` = ? ORDER BY id")
    .bind(email)
    .all<{ subject: string; body: string }>();
  return results;
}

describe("inscription", () => {
  it("signs up an OFA found by UAI: pending account, logged in, its organisation created", async () => {
    await createOrganisme({ uai: "0754321K", siret: "44455566600077", raisonSociale: "CFA DE LA MODE" });
    const lookup = await apiFetch("/api/referentiel/organismes?uai=0754321K");
    const [organisme] = (await lookup.json<{ organismes: { id: string }[] }>()).organismes;

    const response = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: organisme.id, ...personne("louis.durand@example.fr") },
    });
    expect(response.status).toBe(201);
    const { user } = await response.json<{ user: Record<string, unknown> }>();
    expect(user).toMatchObject({
      email: "louis.durand@example.fr",
      civilite: "Monsieur",
      status: "pending",
      isAdmin: false,
      organisationType: "ORGANISME_FORMATION",
      organisationLabel: "CFA DE LA MODE",
      organismeId: organisme.id,
    });
    const cookie = /tba_session=[^;]+/.exec(response.headers.get("Set-Cookie") ?? "")?.[0];
    expect(cookie).toBeTruthy();
    const me = await apiFetch("/api/auth/me", { cookie });
    expect((await me.json<{ user: { status: string } }>()).user.status).toBe("pending");
    const stored = await env.DB.prepare("SELECT password_hash FROM users WHERE email = ?")
      .bind("louis.durand@example.fr")
      .first<{ password_hash: string }>();
    expect(stored?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
  });

  it("signs up an OFA found by SIRET into the organisation its colleagues already use, and tells them", async () => {
    const organisme = await createOrganisme({ uai: "0311111X", siret: "55566677700088" });
    const colleague = await createUser({ organismeId: organisme.id });
    const admin = await createUser({ isAdmin: true });
    const lookup = await apiFetch("/api/referentiel/organismes?siret=555 666 777 00088");
    const [found] = (await lookup.json<{ organismes: { id: string }[] }>()).organismes;
    expect(found.id).toBe(organisme.id);

    const response = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: found.id, ...personne("nouvelle.recrue@example.fr") },
    });
    expect(response.status).toBe(201);
    const row = await env.DB.prepare("SELECT organisation_id FROM users WHERE email = ?")
      .bind("nouvelle.recrue@example.fr")
      .first<{ organisation_id: string }>();
    expect(row?.organisation_id).toBe(colleague.organisationId);
    const mails = await outboxTo(colleague.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain("nouvelle.recrue@example.fr");
    expect(mails[0].body).toContain("http://localhost:8787/administration");
    expect(await outboxTo(admin.email)).toHaveLength(0);
  });

  it("tells the administrators when the organisation has no active member yet", async () => {
    const organisme = await createOrganisme();
    const admin = await createUser({ isAdmin: true });
    await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: organisme.id, ...personne("premier@example.fr") },
    });
    const mails = await outboxTo(admin.email);
    expect(mails.some((m) => m.body.includes("premier@example.fr"))).toBe(true);
  });

  it("refuses an organisme that does not exist", async () => {
    const response = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: "inconnu", ...personne("x@example.fr") },
    });
    expect(response.status).toBe(400);
    expect((await response.json<{ message: string }>()).message).toBe("Aucun organisme trouvé");
  });

  it("signs up a réseau and an opérateur public of a known territory", async () => {
    await createOrganisme({ region: "53", departement: "35", academie: "14" });
    const reseau = await apiFetch("/api/auth/inscription", {
      body: { categorie: "RESEAU", reseau: " compagnons du devoir ", ...personne("tete@example.fr") },
    });
    expect(reseau.status).toBe(201);
    expect((await reseau.json<{ user: { organisationLabel: string } }>()).user.organisationLabel).toBe(
      "Réseau COMPAGNONS DU DEVOIR",
    );

    const dreets = await apiFetch("/api/auth/inscription", {
      body: { categorie: "DREETS", codeTerritoire: "53", ...personne("dreets@example.fr") },
    });
    expect(dreets.status).toBe(201);
    const { user } = await dreets.json<{ user: { organisationType: string; organisationLabel: string } }>();
    expect(user).toMatchObject({ organisationType: "DREETS", organisationLabel: "DREETS Bretagne" });
    const organisation = await env.DB.prepare("SELECT code_region FROM organisations WHERE type = 'DREETS'").first<{
      code_region: string;
    }>();
    expect(organisation?.code_region).toBe("53");

    const unknown = await apiFetch("/api/auth/inscription", {
      body: { categorie: "DDETS", codeTerritoire: "2A", ...personne("ddets@example.fr") },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json<{ message: string }>()).message).toBe("Ce territoire est inconnu.");
  });

  it("enforces the password policy and a unique e-mail, in French", async () => {
    const organisme = await createOrganisme();
    const short = await apiFetch("/api/auth/inscription", {
      body: {
        categorie: "ORGANISME_FORMATION",
        organismeId: organisme.id,
        ...personne("court@example.fr"),
        password: "trop-court",
      },
    });
    expect(short.status).toBe(400);
    expect((await short.json<{ message: string }>()).message).toBe(
      "Le mot de passe doit contenir au moins 12 caractères.",
    );

    const existing = await createUser();
    const duplicate = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: organisme.id, ...personne(existing.email.toUpperCase()) },
    });
    expect(duplicate.status).toBe(409);

    const badEmail = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ORGANISME_FORMATION", organismeId: organisme.id, ...personne("pas-une-adresse") },
    });
    expect(badEmail.status).toBe(400);
    expect((await badEmail.json<{ message: string }>()).message).toMatch(/adresse e-mail/);
  });

  it("does not let anybody sign up as an administrator", async () => {
    const response = await apiFetch("/api/auth/inscription", {
      body: { categorie: "ADMINISTRATEUR", ...personne("pirate@example.fr") },
    });
    expect(response.status).toBe(400);
  });
});
