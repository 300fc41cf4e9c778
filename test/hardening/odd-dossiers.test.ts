import { describe, expect, it } from "vitest";
import { countEffectifs, dossier, organismeAvecCle, push } from "../ingestion/helpers";

interface Item {
  outcome: string;
  validation_errors: { path: string; message: string }[];
}

const items = async (response: Response) => ((await response.json()) as { data: Item[] }).data;

describe("odd dossiers get their own error, the rest of the push is written", () => {
  it.each([
    ["2,000,000 × a", "a".repeat(2_000_000)],
    ["1,000,000 × é", "é".repeat(1_000_000)],
    ["1,000,000 × 😀", "😀".repeat(1_000_000)],
    ["1,000,000 × NUL", "\u0000".repeat(1_000_000)],
  ])("an identity field of %s", async (_, huge) => {
    const { organisme, key } = await organismeAvecCle();
    for (const field of ["id_erp_apprenant", "annee_scolaire"]) {
      const response = await push(key, [
        dossier(organisme, { id_erp_apprenant: "V1" }),
        dossier(organisme, { [field]: huge }),
        dossier(organisme, { id_erp_apprenant: "V2" }),
      ]);
      expect(response.status).toBe(200);
      const [first, odd, last] = await items(response);
      expect([first.outcome, last.outcome]).not.toContain("invalid");
      expect(odd.outcome).toBe("invalid");
      expect(odd.validation_errors.map((e) => e.path)).toContain(field);
    }
    expect(await countEffectifs(organisme.id)).toBe(2);
  });

  it("refuses a lone UTF-16 surrogate in any text field, naming the field, and the same body again answers alike", async () => {
    const { organisme, key } = await organismeAvecCle();
    const body = (id: string) =>
      `[${JSON.stringify(dossier(organisme, { id_erp_apprenant: "OK1" }))},${JSON.stringify(dossier(organisme)).replace('"id_erp_apprenant":"A1"', `"id_erp_apprenant":"${id}"`)}]`;
    for (const id of ["s1\\ud800", "s1\\ud800", "s1\\udbff", "\\udc00s"]) {
      const response = await push(key, body(id));
      expect(response.status).toBe(200);
      const [ok, odd] = await items(response);
      expect(ok.outcome).not.toBe("invalid");
      expect(odd.outcome).toBe("invalid");
      expect(odd.validation_errors).toEqual([
        { path: "id_erp_apprenant", message: expect.stringMatching(/caractère/) as unknown as string },
      ]);
    }
    const nom = await push(
      key,
      `[${JSON.stringify(dossier(organisme, { id_erp_apprenant: "N1" })).replace('"nom_apprenant":"Martin"', '"nom_apprenant":"Mar\\udfff"')}]`,
    );
    expect((await items(nom))[0].validation_errors.map((e) => e.path)).toEqual(["nom_apprenant"]);
    // A well-formed pair (an emoji written as escapes) is text like any other.
    const emoji = await push(key, body("s1\\ud83d\\ude00"));
    expect((await items(emoji)).map((i) => i.outcome)).toEqual(["unchanged", "created"]);
    expect(await countEffectifs(organisme.id)).toBe(2);
  });
});
