import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOSSIER_FIELDS } from "../../worker/domain/dossier";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

/** What an odd ERP sends in a field: any JSON value, texts with any UTF-16 code unit, long texts, deep arrays. */
const oddValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", minLength: 990, maxLength: 1100 }),
  fc.constantFrom("\ud800", "a\udfff", "😀", "\u0000", " ", "null", "2023-02-29", "9999-99-99", "-0", "1e400"),
  fc.integer({ min: 1, max: 30 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
);

describe("odd ERP payloads never get a 5xx", () => {
  it("any value in any field of any dossier of a push: 200 or 4xx, and a 200 reports every dossier", async () => {
    const { organisme, key } = await organismeAvecCle();
    const fields = fc.constantFrom(...DOSSIER_FIELDS.map(String), "champ_inconnu", "__proto__", "constructor");
    const oddDossier = fc.oneof(
      fc.dictionary(fields, oddValue, { maxKeys: 6 }).map((overrides) => ({ ...dossier(organisme), ...overrides })),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(oddDossier, { minLength: 1, maxLength: 5 }), async (batch) => {
        const response = await push(key, batch);
        const body = await response.text();
        expect(response.status, body.slice(0, 300)).toBeLessThan(500);
        if (response.status === 200) expect((JSON.parse(body) as { data: unknown[] }).data).toHaveLength(batch.length);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
