import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apiFetch, createUser, loginAs } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

const logOf = (organismeId: string) =>
  env.DB.prepare("SELECT kind, user_id AS userId, rows FROM downloads_log WHERE organisme_id = ? ORDER BY id")
    .bind(organismeId)
    .all<{ kind: string; userId: string; rows: number | null }>()
    .then((r) => r.results);

describe("reads of nominative data are logged like downloads", () => {
  it("each page of Mes effectifs, each dossier opened, each page of an indicator's list and a transmission's dossiers", async () => {
    const { organisme, key } = await organismeAvecCle();
    const pushed = await push(key, [
      dossier(organisme, { id_erp_apprenant: "R1" }),
      dossier(organisme, { id_erp_apprenant: "R2", date_entree_formation: "pas une date" }),
    ]);
    expect(pushed.status).toBe(200);
    const effectifId = ((await pushed.json()) as { data: { effectif_id: string }[] }).data[0].effectif_id;
    const user = await createUser({ organismeId: organisme.id });
    const cookie = await loginAs(user.email);
    const base = `/api/organismes/${organisme.id}`;
    const { transmissionId } = await env.DB.prepare(
      "SELECT id AS transmissionId FROM transmissions WHERE organisme_id = ?",
    )
      .bind(organisme.id)
      .first<{ transmissionId: string }>()
      .then((row) => row!);
    for (const path of [
      "/effectifs?page=1",
      "/effectifs?page=2&nom_apprenant=Mar",
      `/effectifs/${effectifId}`,
      "/indicateurs/liste?indicateur=apprenants&date=2024-01-15",
      `/transmissions/${transmissionId}`,
    ]) {
      const response = await apiFetch(`${base}${path}`, { cookie });
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
    expect(await logOf(organisme.id)).toEqual(
      (
        [
          // the effectif and the invalid dossier to correct
          ["effectifs-page", 2],
          ["effectifs-page", 0],
          ["effectif-dossier", 1],
          ["indicateur-apprenants-page", 1],
          ["transmission-dossiers", 1],
        ] as const
      ).map(([kind, rows]) => ({ kind, userId: user.id, rows })),
    );
  });

  it("logs nothing when the read is refused", async () => {
    const { organisme } = await organismeAvecCle();
    const stranger = await createUser();
    const cookie = await loginAs(stranger.email);
    const response = await apiFetch(`/api/organismes/${organisme.id}/effectifs?page=1`, { cookie });
    expect(response.status).toBe(403);
    await response.body?.cancel();
    expect(await logOf(organisme.id)).toEqual([]);
  });
});
