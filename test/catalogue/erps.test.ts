import { describe, expect, it } from "vitest";
import type { ErpsCatalogueResponse } from "../../worker/domain/erps-catalogue";
import type { TransmissionView } from "../../worker/domain/transmission-view";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

async function admin() {
  const user = await createUser({ isAdmin: true });
  return loginAs(user.email);
}

describe("the ERP catalogue, managed by administrators", () => {
  it("is refused to an OFA and to visitors", async () => {
    const ofa = await createUser();
    expect((await apiFetch("/api/administration/erps")).status).toBe(401);
    expect((await apiFetch("/api/administration/erps", { cookie: await loginAs(ofa.email) })).status).toBe(403);
  });

  it("adds, renames, switches and deactivates an ERP; Paramètres offers only the active ones; an OFA on a deactivated ERP sees it", async () => {
    const cookie = await admin();
    const added = await apiFetch("/api/administration/erps", {
      method: "POST",
      cookie,
      body: { label: "Ypaéo Nouveau", apiKeySupport: true },
    });
    expect(added.status).toBe(200);
    const erp = ((await added.json()) as ErpsCatalogueResponse).erps.find((e) => e.label === "Ypaéo Nouveau")!;
    expect(erp).toMatchObject({ id: "ypaeonouveau", apiKeySupport: true, actif: true, organismes: 0 });
    expect(
      (
        await apiFetch("/api/administration/erps", {
          method: "POST",
          cookie,
          body: { label: "ypaéo nouveau", apiKeySupport: false },
        })
      ).status,
    ).toBe(409);

    const organisme = await createOrganisme();
    const ofa = await createUser({ organismeId: organisme.id });
    const ofaCookie = await loginAs(ofa.email);
    const view = async () =>
      (await (
        await apiFetch(`/api/organismes/${organisme.id}/transmission`, { cookie: ofaCookie })
      ).json()) as TransmissionView;
    expect((await view()).erps.map((e) => e.id)).toContain(erp.id);
    const choose = await apiFetch(`/api/organismes/${organisme.id}/transmission/erp`, {
      method: "POST",
      cookie: ofaCookie,
      body: { erp: erp.id },
    });
    expect(choose.status).toBe(200);

    const renamed = await apiFetch(`/api/administration/erps/${erp.id}`, {
      method: "PATCH",
      cookie,
      body: { label: "Ypaéo 2" },
    });
    expect(((await renamed.json()) as ErpsCatalogueResponse).erps.find((e) => e.id === erp.id)).toMatchObject({
      label: "Ypaéo 2",
      organismes: 1,
    });
    await apiFetch(`/api/administration/erps/${erp.id}`, { method: "PATCH", cookie, body: { actif: false } });

    const after = await view();
    expect(after.erps.map((e) => e.id)).not.toContain(erp.id);
    expect(after.settings).toMatchObject({ erp: erp.id, erpLabel: "Ypaéo 2", erpDesactive: true });
    const other = await createOrganisme();
    const otherOfa = await createUser({ organismeId: other.id });
    const refused = await apiFetch(`/api/organismes/${other.id}/transmission/erp`, {
      method: "POST",
      cookie: await loginAs(otherOfa.email),
      body: { erp: erp.id },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe(
      "Cet ERP n'est plus proposé : choisissez-en un autre.",
    );
  });
});
