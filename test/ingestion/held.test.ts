import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { applyHeldDossiers, discardHeldDossiers } from "../../worker/ingestion/held";
import { keyIdOf } from "../connection/helpers";
import { countEffectifs, dossier, organismeAvecCle, push } from "./helpers";

const held = async (organismeId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM dossiers_recus WHERE organisme_id = ? AND outcome = 'held'")
    .bind(organismeId)
    .first<{ n: number }>())!.n;

describe("held records before the connection is confirmed", () => {
  it("holds valid dossiers (the answer says so), then applies them exactly like a push", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    const response = await push(key, [
      dossier(organisme, { id_erp_apprenant: "H1" }),
      dossier(organisme, { id_erp_apprenant: "H2", nom_apprenant: "" }),
    ]);
    const body = (await response.json()) as { data: { outcome: string; statut: string | null }[] };
    expect(body.data.map((d) => d.outcome)).toEqual(["held", "invalid"]);
    expect(body.data[0].statut).not.toBeNull();
    expect(await countEffectifs(organisme.id)).toBe(0);
    expect(await held(organisme.id)).toBe(1);

    const keyId = await keyIdOf(key);
    expect(await applyHeldDossiers(env, organisme.id, keyId)).toEqual({ applied: 1 });
    expect(await countEffectifs(organisme.id)).toBe(1);
    expect(await held(organisme.id)).toBe(0);
    // nothing left to apply a second time
    expect(await applyHeldDossiers(env, organisme.id, keyId)).toEqual({ applied: 0 });
  });

  it("keeps successive held pushes merged and discards them on refusal", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    await push(key, [dossier(organisme, { id_erp_apprenant: "H3", email_contact: "h3@exemple.fr" })]);
    await push(key, [dossier(organisme, { id_erp_apprenant: "H3", adresse_apprenant: "2 place du Marché" })]);
    const row = await env.DB.prepare("SELECT held_data FROM dossiers_recus WHERE organisme_id = ? AND outcome = 'held'")
      .bind(organisme.id)
      .first<{ held_data: string }>();
    expect(JSON.parse(row!.held_data)).toMatchObject({
      email_contact: "h3@exemple.fr",
      adresse_apprenant: "2 place du Marché",
    });
    expect(await discardHeldDossiers(env, organisme.id)).toEqual({ discarded: 1 });
    expect(await held(organisme.id)).toBe(0);
    expect(await countEffectifs(organisme.id)).toBe(0);
  });
});
