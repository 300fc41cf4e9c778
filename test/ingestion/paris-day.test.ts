import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { ingestDossiers } from "../../worker/ingestion/push";
import { dossier } from "./helpers";

describe("the statut a push answers is the one of today in Paris", () => {
  it("at 23:30 UTC on 1 December (00:30 on 2 December in Paris), a contract starting on 2 December counts", async () => {
    const organisme = await createOrganisme();
    const { items } = await ingestDossiers(
      env,
      [
        dossier(organisme, {
          annee_scolaire: "2026-2027",
          date_inscription_formation: "2026-09-01",
          date_entree_formation: "2026-09-01",
          date_fin_formation: "2028-06-30",
          contrat_date_debut: "2026-12-02",
          contrat_date_fin: "2028-06-30",
        }),
      ],
      {
        organismeId: organisme.id,
        apiKeyId: null,
        source: "erp",
        hold: false,
        now: new Date("2026-12-01T23:30:00Z"),
      },
    );
    expect(items[0]).toMatchObject({ outcome: "created", statut: "APPRENTI" });
  });
});
