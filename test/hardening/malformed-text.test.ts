import { describe, expect, it } from "vitest";
import { findMalformedText } from "../../worker/domain/texte-unicode";
import { apiFetch, createOrganisme } from "../helpers/accounts";

describe("texts that are not well-formed UTF-16, in every JSON body of the API", () => {
  it("an account's name with a lone surrogate is a French 400 naming the field, and nothing is created", async () => {
    const organisme = await createOrganisme();
    const inscription = (prenom: string) =>
      apiFetch("/api/auth/inscription", {
        body: {
          categorie: "ORGANISME_FORMATION",
          organismeId: organisme.id,
          civilite: "Madame",
          prenom,
          nom: "Martin",
          email: "camille.surrogate@example.fr",
          password: "un-mot-de-passe-assez-long",
        },
      });
    const refused = await inscription("Cam\ud800ille");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: "Bad Request",
      message: expect.stringMatching(/^Texte mal formé/) as unknown as string,
      field: "prenom",
    });
    const accepted = await inscription("Camille 😀");
    expect(accepted.status).toBeLessThan(300);
    await accepted.body?.cancel();
  });

  it("finds the first malformed key or value at any depth, and nothing in well-formed texts", () => {
    expect(findMalformedText({ a: ["ok", { b: "x\udfff" }] })).toEqual(["a", "1", "b"]);
    expect(findMalformedText({ ["k\ud800"]: 1 })).toEqual(["k\ud800"]);
    expect(findMalformedText("\ud83d")).toEqual([]);
    expect(findMalformedText({ a: ["😀", "é", 1, null, { b: "\u0000" }] })).toBeNull();
  });
});
