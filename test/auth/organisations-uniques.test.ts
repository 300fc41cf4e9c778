import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findOrCreateOrganisation } from "../../worker/accounts/organisations";
import { database } from "../../worker/data/db";
import { apiFetch, createOrganisme } from "../helpers/accounts";

const MIGRATION = "0004_accounts_indexes.sql";

const insertOrganisation = (id: string, organismeId: string, createdAt: string) =>
  env.DB.prepare(
    "INSERT INTO organisations (id, type, label, organisme_id, created_at) VALUES (?, 'ORGANISME_FORMATION', 'CFA', ?, ?)",
  ).bind(id, organismeId, createdAt);

const insertUser = (id: string, organisationId: string) =>
  env.DB.prepare(
    "INSERT INTO users (id, email, password_hash, prenom, nom, organisation_id, status, created_at) VALUES (?, ?, 'x', 'A', 'B', ?, 'active', ?)",
  ).bind(id, `${id}@example.fr`, organisationId, new Date().toISOString());

const ofaOrganisations = async (organismeId: string) =>
  (
    await env.DB.prepare("SELECT id FROM organisations WHERE type = 'ORGANISME_FORMATION' AND organisme_id = ?")
      .bind(organismeId)
      .all<{ id: string }>()
  ).results.map((r) => r.id);

describe("one organisation per organisme", () => {
  it("the database refuses a second ORGANISME_FORMATION organisation for an organisme", async () => {
    const organisme = await createOrganisme();
    await insertOrganisation(crypto.randomUUID(), organisme.id, new Date().toISOString()).run();
    await expect(insertOrganisation(crypto.randomUUID(), organisme.id, new Date().toISOString()).run()).rejects.toThrow(
      /UNIQUE/,
    );
  });

  it("concurrent look-ups for one organisme all end in the same organisation", async () => {
    const organisme = await createOrganisme();
    const found = await Promise.all(
      Array.from({ length: 5 }, () =>
        findOrCreateOrganisation(database(env.DB), { categorie: "ORGANISME_FORMATION", organismeId: organisme.id }),
      ),
    );
    const organisations = await ofaOrganisations(organisme.id);
    expect(organisations).toHaveLength(1);
    expect(new Set(found.map((o) => o.id))).toEqual(new Set(organisations));
  });

  it("simultaneous sign-ups for one organisme all succeed, in one organisation", async () => {
    const organisme = await createOrganisme();
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        apiFetch("/api/auth/inscription", {
          headers: { "CF-Connecting-IP": `192.0.2.${i + 1}` },
          body: {
            categorie: "ORGANISME_FORMATION",
            organismeId: organisme.id,
            civilite: "Madame",
            prenom: "Alice",
            nom: "Simultanée",
            email: `simultanee-${i}@example.fr`,
            password: "un-mot-de-passe-long",
          },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const organisations = await ofaOrganisations(organisme.id);
    expect(organisations).toHaveLength(1);
    const users = await env.DB.prepare(
      "SELECT DISTINCT organisation_id AS id FROM users WHERE email LIKE 'simultanee-%'",
    ).all<{ id: string }>();
    expect(users.results).toEqual([{ id: organisations[0] }]);
  });

  it("the migration merges the duplicates that exist into the oldest organisation", async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name === MIGRATION);
    expect(migration).toBeDefined();
    await env.DB.prepare("DROP INDEX organisations_ofa_organisme").run();
    await env.DB.prepare("DROP INDEX users_organisation").run();
    const organisme = await createOrganisme();
    const other = await createOrganisme();
    await env.DB.batch([
      insertOrganisation("orga-recente", organisme.id, "2025-03-01T00:00:00.000Z"),
      insertOrganisation("orga-ancienne", organisme.id, "2025-01-01T00:00:00.000Z"),
      insertOrganisation("orga-autre", other.id, "2025-02-01T00:00:00.000Z"),
      insertUser("membre-recente", "orga-recente"),
      insertUser("membre-ancienne", "orga-ancienne"),
      insertUser("membre-autre", "orga-autre"),
    ]);

    await env.DB.batch(migration!.queries.map((query) => env.DB.prepare(query)));

    expect(await ofaOrganisations(organisme.id)).toEqual(["orga-ancienne"]);
    expect(await ofaOrganisations(other.id)).toEqual(["orga-autre"]);
    const membres = await env.DB.prepare(
      "SELECT id, organisation_id AS o FROM users WHERE id LIKE 'membre-%' ORDER BY id",
    ).all();
    expect(membres.results).toEqual([
      { id: "membre-ancienne", o: "orga-ancienne" },
      { id: "membre-autre", o: "orga-autre" },
      { id: "membre-recente", o: "orga-ancienne" },
    ]);
    await expect(insertOrganisation("orga-en-trop", organisme.id, new Date().toISOString()).run()).rejects.toThrow(
      /UNIQUE/,
    );
  });
});
