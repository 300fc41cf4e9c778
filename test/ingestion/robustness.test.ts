import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findActiveKey } from "../../worker/connection/keys";
import { database } from "../../worker/data/db";
import { ingestDossiers } from "../../worker/ingestion/push";
import { ApiError } from "../../worker/lib/errors";
import { keyIdOf } from "../connection/helpers";
import { countEffectifs, dossier, organismeAvecCle, push } from "./helpers";

describe("ingestion robustness", () => {
  it("a huge text field rejects its dossier with a validation error, the others are stored", async () => {
    const { organisme, key } = await organismeAvecCle();
    const response = await push(key, [
      dossier(organisme, { id_erp_apprenant: "G1", adresse_apprenant: "x".repeat(3_000_000) }),
      dossier(organisme, { id_erp_apprenant: "G2", nom_apprenant: "n".repeat(1001) }),
      dossier(organisme, { id_erp_apprenant: "G3", adresse_apprenant: "a".repeat(1000) }),
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { outcome: string; validation_errors: { path: string; message: string }[] }[];
    };
    expect(body.data.map((d) => d.outcome)).toEqual(["invalid", "invalid", "created"]);
    expect(body.data[0].validation_errors).toEqual([
      { path: "adresse_apprenant", message: "Texte trop long (1000 caractères au plus)" },
    ]);
    expect(body.data[1].validation_errors).toEqual([
      { path: "nom_apprenant", message: "Texte trop long (1000 caractères au plus)" },
    ]);
    expect(await countEffectifs(organisme.id)).toBe(1);
  });

  it("held lookups use the partial index on held records", async () => {
    const plans = await env.DB.batch<{ detail: string }>([
      env.DB.prepare(
        "EXPLAIN QUERY PLAN SELECT held_data FROM dossiers_recus WHERE outcome = 'held' AND held_key_id = ? ORDER BY received_at",
      ).bind("k"),
      env.DB.prepare(
        "EXPLAIN QUERY PLAN DELETE FROM dossiers_recus WHERE outcome = 'held' AND held_key_id IN (SELECT id FROM api_keys WHERE organisme_id = ? AND id IS NOT ?)",
      ).bind("o", "k"),
    ]);
    for (const plan of plans)
      expect(plan.results.map((r) => r.detail).join("\n")).toMatch(/USING (COVERING )?INDEX dossiers_recus_held/);
  });

  it("answers 503 with Retry-After after losing the race to concurrent writes 5 times", async () => {
    const { organisme } = await organismeAvecCle();
    await ingestDossiers(env, [dossier(organisme, { id_erp_apprenant: "C1" })], {
      organismeId: organisme.id,
      apiKeyId: null,
      source: "erp",
      hold: false,
    });
    let writes = 0;
    // Every write batch finds the effectif changed by "another push" since it was read.
    const db = {
      prepare: (query: string) => env.DB.prepare(query),
      batch: async (statements: D1PreparedStatement[]) => {
        if (statements.length > 2) {
          writes++;
          await env.DB.prepare("UPDATE effectifs SET data_hash = ? WHERE organisme_id = ?")
            .bind(crypto.randomUUID(), organisme.id)
            .run();
        }
        return env.DB.batch(statements);
      },
    } as unknown as D1Database;
    const failure = await ingestDossiers(
      { ...env, DB: db },
      [dossier(organisme, { id_erp_apprenant: "C1", nom_apprenant: "Nouveau" })],
      {
        organismeId: organisme.id,
        apiKeyId: null,
        source: "erp",
        hold: false,
      },
    ).catch((error: unknown) => error);
    expect(writes).toBe(5);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 503, extra: { retryAfter: expect.any(Number) } });
  });

  it("finds an exchange key written in capitals, as the ERP API accepts it", async () => {
    const { key } = await organismeAvecCle({ confirmed: false });
    expect(await findActiveKey(database(env.DB), key.toUpperCase())).toMatchObject({ id: await keyIdOf(key) });
  });
});
