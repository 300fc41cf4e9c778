import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { countEffectifs, dossier, organismeAvecCle, push } from "../ingestion/helpers";

describe("concurrent pushes of one organisme are serialised", () => {
  it("10 pushes overlapping on the same 200 learners all answer 200, and the last acknowledged values are stored", async () => {
    const { organisme, key } = await organismeAvecCle();
    const batch = (round: number) =>
      Array.from({ length: 200 }, (_, i) =>
        dossier(organisme, { id_erp_apprenant: `L${i}`, tel_apprenant: `06${String(round).padStart(8, "0")}` }),
      );
    const responses = await Promise.all(Array.from({ length: 10 }, (_, round) => push(key, batch(round))));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await countEffectifs(organisme.id)).toBe(200);
    // Every learner holds the same round's phone number: the pushes were applied whole, one after the other.
    const phones = await env.DB.prepare(
      "SELECT DISTINCT data ->> '$.tel_apprenant' AS tel FROM effectifs WHERE organisme_id = ?",
    )
      .bind(organisme.id)
      .all<{ tel: string }>();
    expect(phones.results).toHaveLength(1);
    const outcomes = bodies.map((b) => (JSON.parse(b) as { data: { outcome: string }[] }).data[0].outcome);
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
  });
});
