import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { premiereAnneeConservee } from "../../worker/domain/retention";
import { purgeAnneesScolaires } from "../../worker/scheduled/retention";
import { countEffectifs, dossier, organismeAvecCle, push } from "../ingestion/helpers";

const NOW = new Date("2026-12-01T04:00:00Z");

/** A learner of the school year starting in `year`, with a contract, then a rupture. */
const dossierDe = (organisme: { uai: string | null; siret: string }, year: number, id: string) =>
  dossier(organisme, {
    id_erp_apprenant: id,
    annee_scolaire: `${year}-${year + 1}`,
    date_inscription_formation: `${year}-09-01`,
    date_entree_formation: `${year}-09-01`,
    date_fin_formation: `${year + 2}-06-30`,
    contrat_date_debut: `${year}-09-15`,
    contrat_date_fin: `${year + 2}-06-30`,
    contrat_date_rupture: `${year + 1}-01-10`,
  });

const counters = async (organismeId: string) =>
  (
    await env.DB.prepare(
      `SELECT annee_scolaire, mois, statut, n FROM effectif_statuts_mois WHERE organisme_id = ? AND n <> 0
        ORDER BY annee_scolaire, mois, statut`,
    )
      .bind(organismeId)
      .all()
  ).results;

/** The monthly counters recomputed from the intervals, independently of the triggers. */
const recomputed = async (organismeId: string, annee: string, mois: string) =>
  (
    await env.DB.prepare(
      `SELECT statut, count(*) AS n FROM effectif_statuts WHERE organisme_id = ? AND annee_scolaire = ?
          AND du <= ?3 AND (au IS NULL OR au >= ?3) GROUP BY statut ORDER BY statut`,
    )
      .bind(organismeId, annee, mois)
      .all()
  ).results;

describe("retention of the school years (daily cron)", () => {
  it("keeps the current school year and the three before it", () => {
    expect(premiereAnneeConservee("2026-12-01")).toBe(2023);
    expect(premiereAnneeConservee("2026-07-31")).toBe(2022);
    expect(premiereAnneeConservee("2026-12-01", 2)).toBe(2025);
  });

  it("purges the older years in bounded batches, keeps the others and their counters exact, and audits it", async () => {
    const { organisme, key } = await organismeAvecCle();
    const old = [1, 2, 3, 4, 5].map((i) => dossierDe(organisme, 2019, `OLD${i}`));
    const kept = [1, 2, 3].map((i) => dossierDe(organisme, 2024, `KEEP${i}`));
    expect((await push(key, [...old, ...kept])).status).toBe(200);
    const effectifId = (await env.DB.prepare(
      "SELECT id FROM effectifs WHERE id_erp_apprenant = 'OLD1' AND organisme_id = ?",
    )
      .bind(organisme.id)
      .first<{ id: string }>())!.id;
    await env.DB.prepare(
      `INSERT INTO suivis_mission_locale (effectif_id, mission_locale_id, etat, derniere_activite_at)
       VALUES (?, 'ml-test', 'contacte', ?)`,
    )
      .bind(effectifId, NOW.toISOString())
      .run();
    const keptBefore = (await counters(organisme.id)).filter((r) => String(r.annee_scolaire).startsWith("2024"));
    expect(keptBefore.length).toBeGreaterThan(0);

    // Two effectifs a batch, one batch a run: the run stops with work left, and says so.
    const first = await purgeAnneesScolaires(env, { now: NOW, batch: 2, maxBatches: 1 });
    expect(first).toMatchObject({ premiereAnneeConservee: 2023, effectifs: 2, termine: false });
    expect(await countEffectifs(organisme.id)).toBe(6);

    const rest = await purgeAnneesScolaires(env, { now: NOW, batch: 2 });
    expect(rest).toMatchObject({ effectifs: 3, termine: true });
    expect(rest.dossiersRecus).toBeGreaterThanOrEqual(5);
    expect(await countEffectifs(organisme.id)).toBe(3);
    const compte = await env.DB.prepare("SELECT n FROM effectifs_par_organisme WHERE organisme_id = ?")
      .bind(organisme.id)
      .first<{ n: number }>();
    expect(compte?.n).toBe(3);

    const after = await counters(organisme.id);
    expect(after.filter((r) => String(r.annee_scolaire).startsWith("2019"))).toEqual([]);
    expect(after).toEqual(keptBefore);
    for (const mois of ["2024-10-01", "2025-02-01", "2025-07-01"]) {
      const fromCounters = after.filter((r) => r.mois === mois).map((r) => ({ statut: r.statut, n: r.n }));
      expect(fromCounters).toEqual(await recomputed(organisme.id, "2024-2025", mois));
    }
    const leftovers = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM effectif_statuts WHERE organisme_id = ?1 AND annee_scolaire = '2019-2020') AS intervalles,
              (SELECT count(*) FROM effectif_statuts_variations WHERE annee_scolaire = '2019-2020') AS variations,
              (SELECT count(*) FROM dossiers_recus WHERE organisme_id = ?1 AND annee_scolaire = '2019-2020') AS rapports,
              (SELECT count(*) FROM suivis_mission_locale WHERE effectif_id = ?2) AS suivis`,
    )
      .bind(organisme.id, effectifId)
      .first();
    expect(leftovers).toEqual({ intervalles: 0, variations: 0, rapports: 0, suivis: 0 });

    const audits = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'retention-annees-scolaires' ORDER BY id",
    ).all<{ detail: string }>();
    expect(audits.results.map((a) => JSON.parse(a.detail).effectifs)).toEqual([2, 3]);

    // Nothing left: a further run changes nothing and writes no audit row.
    expect(await purgeAnneesScolaires(env, { now: NOW })).toMatchObject({ effectifs: 0, termine: true });
    expect(
      (await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'retention-annees-scolaires'").first())!
        .n,
    ).toBe(2);
  });
});
