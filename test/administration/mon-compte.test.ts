import { describe, expect, it } from "vitest";
import type { MonCompteResponse, MotDePasseModifie } from "../../worker/domain/mon-compte";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { sessionCookie } from "../connection/helpers";
import { auditActions, dashboard, hashOf, sessionsOf } from "./helpers";

const NOUVEAU = "un-nouveau-mot-de-passe";

describe("Mon compte", () => {
  it("is for logged-in users only", async () => {
    expect((await apiFetch("/api/compte")).status).toBe(401);
    expect((await apiFetch("/api/compte/mot-de-passe", { body: {} })).status).toBe(401);
    expect((await apiFetch("/api/compte/deconnexion-partout", { method: "POST" })).status).toBe(401);
  });

  it("shows the identity and the open sessions, the current one marked", async () => {
    const user = await createUser({ prenom: "Inès", nom: "Durand" });
    const cookie = await loginAs(user.email);
    await sessionCookie(user.id);
    const response = await apiFetch("/api/compte", { cookie });
    expect(response.status).toBe(200);
    const body = await response.json<MonCompteResponse>();
    expect(body.compte).toMatchObject({ email: user.email, prenom: "Inès", nom: "Durand", civilite: "Madame" });
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s) => s.courante)).toHaveLength(1);
    expect((await hashOf(cookie)).startsWith(body.sessions.find((s) => s.courante)!.id)).toBe(true);
    expect(body.sessions[0]).toHaveProperty("lastSeenAt");
    expect(JSON.stringify(body)).not.toContain(await hashOf(cookie));
  });

  it("changes civilité, name and e-mail with the sign-up's rules; another account's e-mail is a French 409", async () => {
    const user = await createUser();
    const other = await createUser();
    const cookie = await loginAs(user.email);
    const invalid = await apiFetch("/api/compte/identite", {
      cookie,
      body: { civilite: "Madame", prenom: "Léa", nom: "Petit", email: "pas-une-adresse" },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      field: "email",
      message: "L'adresse e-mail n'est pas valide (ex. nom@domaine.fr).",
    });
    const taken = await apiFetch("/api/compte/identite", {
      cookie,
      body: { civilite: "Madame", prenom: "Léa", nom: "Petit", email: other.email.toUpperCase() },
    });
    expect(taken.status).toBe(409);
    expect((await taken.json<{ message: string }>()).message).toMatch(/Un compte existe déjà/);

    const email = `nouvelle-${crypto.randomUUID()}@example.fr`;
    const ok = await apiFetch("/api/compte/identite", {
      cookie,
      body: { civilite: "Monsieur", prenom: " Léo ", nom: "Petit", email: ` ${email.toUpperCase()} ` },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json<MonCompteResponse>()).compte).toMatchObject({
      civilite: "Monsieur",
      prenom: "Léo",
      nom: "Petit",
      email,
    });
    await loginAs(email);
    expect((await auditActions(user.id)).map((a) => a.action)).toEqual(["compte_modifie"]);
  });

  it("changes the password: asks the current one, applies the rules, ends the other sessions and their sockets only", async () => {
    const organisme = await createOrganisme();
    const user = await createUser({ organismeId: organisme.id });
    const current = await loginAs(user.email);
    const other = await loginAs(user.email);
    const currentLive = await dashboard(organisme.id, current);
    const otherLive = await dashboard(organisme.id, other);

    const wrong = await apiFetch("/api/compte/mot-de-passe", {
      cookie: current,
      body: { motDePasseActuel: "pas-le-bon-mot-de-passe", nouveauMotDePasse: NOUVEAU },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      field: "motDePasseActuel",
      message: "Le mot de passe actuel est incorrect.",
    });
    const short = await apiFetch("/api/compte/mot-de-passe", {
      cookie: current,
      body: { motDePasseActuel: user.password, nouveauMotDePasse: "court" },
    });
    expect(short.status).toBe(400);
    expect((await short.json<{ message: string }>()).message).toBe(
      "Le mot de passe doit contenir au moins 12 caractères.",
    );
    expect(await sessionsOf(user.id)).toHaveLength(2);

    const changed = await apiFetch("/api/compte/mot-de-passe", {
      cookie: current,
      body: { motDePasseActuel: user.password, nouveauMotDePasse: NOUVEAU },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json<MotDePasseModifie>()).toMatchObject({ sessionsFermees: 1 });

    expect((await otherLive.closedBy()).code).toBe(4401);
    await currentLive.staysOpen();
    expect(await sessionsOf(user.id)).toEqual([await hashOf(current)]);
    expect((await apiFetch("/api/auth/me", { cookie: current })).status).toBe(200);
    expect((await apiFetch("/api/auth/me", { cookie: other })).status).toBe(401);
    const old = await apiFetch("/api/auth/connexion", { body: { email: user.email, password: user.password } });
    expect(old.status).toBe(401);
    await loginAs(user.email, NOUVEAU);
    expect((await auditActions(user.id)).map((a) => a.action)).toEqual(["mot_de_passe_modifie"]);
    await currentLive.socket.close();
  });

  it("Se déconnecter partout ends every session, the current one included, and every socket", async () => {
    const organisme = await createOrganisme();
    const user = await createUser({ organismeId: organisme.id });
    const current = await loginAs(user.email);
    const other = await loginAs(user.email);
    const a = await dashboard(organisme.id, current);
    const b = await dashboard(organisme.id, other);
    const response = await apiFetch("/api/compte/deconnexion-partout", { cookie: current, method: "POST" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toMatch(/tba_session=;/);
    expect((await a.closedBy()).code).toBe(4401);
    expect((await b.closedBy()).code).toBe(4401);
    expect(await sessionsOf(user.id)).toEqual([]);
    expect((await apiFetch("/api/auth/me", { cookie: current })).status).toBe(401);
    expect((await auditActions(user.id)).map((a) => a.action)).toEqual(["deconnexion_partout"]);
  });
});
