import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme } from "../helpers/accounts";

const post = async (path: string, body: unknown) => {
  const response = await apiFetch(`/api/auth/${path}`, { body });
  return { status: response.status, body: await response.json<{ error: string; message: string; field?: string }>() };
};

describe("auth bodies that are not the expected object answer in French", () => {
  for (const path of ["connexion", "inscription", "mot-de-passe-oublie", "reinitialiser-mot-de-passe"]) {
    for (const body of [[], "texte", 42, null]) {
      it(`${path} with ${JSON.stringify(body)}`, async () => {
        const answer = await post(path, body);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toBe("Le corps de la requête doit être un objet JSON.");
      });
    }
  }

  it("a field of the wrong type names the field, in French", async () => {
    const organisme = await createOrganisme();
    const answer = await post("inscription", {
      categorie: "ORGANISME_FORMATION",
      organismeId: organisme.id,
      civilite: "Madame",
      prenom: "Camille",
      nom: "Martin",
      fonction: 12,
      email: "camille.fonction@example.fr",
      password: "un-mot-de-passe-assez-long",
    });
    expect(answer).toEqual({
      status: 400,
      body: { error: "Bad Request", message: "Le champ « fonction » n'est pas valide.", field: "fonction" },
    });
  });

  it("keeps the schema's own message where there is one", async () => {
    const answer = await post("connexion", { email: 3, password: "x" });
    expect(answer.body.message).toBe("Indiquez votre adresse e-mail.");
  });
});
