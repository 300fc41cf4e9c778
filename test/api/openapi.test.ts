import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DOSSIER_FIELDS } from "../../worker/domain/dossier";

describe("the ERP API documentation", () => {
  it("describes the v3 endpoints with the dossier schema generated from the validator's zod schema", async () => {
    const response = await SELF.fetch("http://localhost:8787/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      paths: Record<string, { post: { responses: Record<string, unknown> } }>;
      components: { schemas: { DossierApprenant: { properties: Record<string, unknown>; required: string[] } } };
    };
    expect(Object.keys(doc.paths)).toEqual(["/api/v3/dossiers-apprenants", "/api/v3/dossiers-apprenants/test"]);
    expect(Object.keys(doc.paths["/api/v3/dossiers-apprenants"].post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "403", "413", "429", "503"]),
    );
    const unavailable = doc.paths["/api/v3/dossiers-apprenants"].post.responses["503"] as { headers: object };
    expect(unavailable.headers).toHaveProperty("Retry-After");
    const dossier = doc.components.schemas.DossierApprenant;
    for (const field of DOSSIER_FIELDS) expect(dossier.properties).toHaveProperty(field);
    expect(dossier.required).toEqual(
      expect.arrayContaining(["nom_apprenant", "id_erp_apprenant", "etablissement_formateur_uai"]),
    );
  });

  it("serves an interactive page whose scripts all come from us", async () => {
    const response = await SELF.fetch("http://localhost:8787/api/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('src="/swagger-ui/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
