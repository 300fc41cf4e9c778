/**
 * Bench-only routes (`npm run bench`): the raw costs the real endpoints are compared with, and the bulk load of
 * the national data set. They exist only in the bench's Worker entry (bench/worker/index.ts), never in the
 * production bundle.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../worker/env";
import { anneesScolairesAt } from "../../worker/domain/annee-scolaire";
import {
  EFFECTIF_COLUMNS,
  EFFECTIF_STATUT_COLUMNS,
  type EffectifRow,
  type EffectifStatutRow,
} from "../../worker/ingestion/effectif-record";
import { insertRows, upsertClause } from "../../worker/ingestion/sql";
import { organismeHub } from "../../worker/connection/hub";
import { moisDeLAnnee } from "../../worker/data/indicateurs";

const IDENTITY = ["id", "created_at", "organisme_id", "annee_scolaire", "id_erp_apprenant"];

/** The effectif itself and its formateurs, as the organisme's dashboard counts them. */
const ORGANISME_ET_FORMATEURS =
  "SELECT ?1 UNION SELECT formateur_id FROM organisme_relations WHERE responsable_id = ?1";

/**
 * The generated parcours' intervals [du, au, statut, which effectifs], from `d1` (the contract's start) and `duree`
 * of each effectif and its category `cat` (0–99): 55 % apprentis, 15 % rupturants then sortis, 15 % never under
 * contract (abandon after 90 days), 10 % fin de formation, 5 % excluded.
 */
const PARCOURS_MIX: [du: string, au: string, statut: string, categories: string][] = [
  ["'0000-01-01'", "date(d1, '-1 day')", "INSCRIT", "cat < 70 OR cat >= 85"],
  ["d1", "NULL", "APPRENTI", "cat < 55"],
  ["d1", "date(d1, '+' || duree || ' days')", "APPRENTI", "(cat >= 55 AND cat < 70) OR (cat >= 85 AND cat < 95)"],
  [
    "date(d1, '+' || (duree + 1) || ' days')",
    "date(d1, '+' || (duree + 180) || ' days')",
    "RUPTURANT",
    "cat >= 55 AND cat < 70",
  ],
  ["date(d1, '+' || (duree + 181) || ' days')", "NULL", "ABANDON", "cat >= 55 AND cat < 70"],
  ["'0000-01-01'", "date(d1, '+89 days')", "INSCRIT", "cat >= 70 AND cat < 85"],
  ["date(d1, '+90 days')", "NULL", "ABANDON", "cat >= 70 AND cat < 85"],
  ["date(d1, '+' || (duree + 1) || ' days')", "NULL", "FIN_DE_FORMATION", "cat >= 85 AND cat < 95"],
  ["d1", "NULL", "ABANDON", "cat >= 95"],
];

export const benchRoutes = new Hono<AppEnv>()
  /**
   * Pre-computed rows written the way the ingestion writes them (same chunking, one atomic batch: upsert of the
   * effectifs, their statut intervals replaced), without validation, lookups or transmission report.
   */
  .post("/ecriture", async (c) => {
    const { effectifs, statuts } = await c.req.json<{ effectifs: EffectifRow[]; statuts: EffectifStatutRow[] }>();
    const db = c.env.DB;
    await db.batch([
      ...insertRows(
        db,
        "effectifs",
        EFFECTIF_COLUMNS,
        effectifs,
        upsertClause(
          "organisme_id, annee_scolaire, id_erp_apprenant",
          EFFECTIF_COLUMNS.filter((col) => !IDENTITY.includes(col)),
        ),
      ),
      db
        .prepare("DELETE FROM effectif_statuts WHERE effectif_id IN (SELECT value FROM json_each(?))")
        .bind(JSON.stringify(effectifs.map((e) => e.id))),
      ...insertRows(db, "effectif_statuts", EFFECTIF_STATUT_COLUMNS, statuts),
    ]);
    return c.json({ effectifs: effectifs.length, statuts: statuts.length });
  })
  /** The bare count per statut at `date` of an organisme and its formateurs: what its indicators count. */
  .get("/comptage/organisme/:id/statuts", async (c) => {
    const date = c.req.query("date") ?? "";
    const [scolaire, civile] = anneesScolairesAt(date);
    const { results } = await c.env.DB.prepare(
      `SELECT statut, count(*) AS n FROM effectif_statuts
        WHERE organisme_id IN (${ORGANISME_ET_FORMATEURS}) AND annee_scolaire IN (?2, ?3) AND du <= ?4 AND (au IS NULL OR au >= ?4)
        GROUP BY statut`,
    )
      .bind(c.req.param("id"), scolaire, civile, date)
      .all();
    return c.json({ statuts: results });
  })
  /** The bare count per statut of each month of `annee` up to `date` (as the evolution counts them), in one batch. */
  .get("/comptage/organisme/:id/evolution", async (c) => {
    const mois = moisDeLAnnee(c.req.query("annee") ?? "", c.req.query("date") ?? "").flatMap((m) =>
      m.date ? [m.date] : [],
    );
    const results = await c.env.DB.batch(
      mois.map((date) => {
        const [scolaire, civile] = anneesScolairesAt(date);
        return c.env.DB.prepare(
          `SELECT statut, count(*) AS n FROM effectif_statuts
            WHERE organisme_id IN (${ORGANISME_ET_FORMATEURS}) AND annee_scolaire IN (?2, ?3) AND du <= ?4 AND (au IS NULL OR au >= ?4)
            GROUP BY statut`,
        ).bind(c.req.param("id"), scolaire, civile, date);
      }),
    );
    return c.json({ mois: results.map((r) => r.results) });
  })
  /** The bare count of an organisme's (and its formateurs') effectifs: the rows "Mes effectifs" lists. */
  .get("/comptage/organisme/:id/effectifs", async (c) => {
    const row = await c.env.DB.prepare(
      `SELECT count(*) AS n FROM effectifs WHERE organisme_id IN (${ORGANISME_ET_FORMATEURS})`,
    )
      .bind(c.req.param("id"))
      .first<{ n: number }>();
    return c.json({ effectifs: row?.n ?? 0 });
  })
  /** The bare national count per statut at `date`, straight from the parcours intervals (no counters, no filter). */
  .get("/comptage/national", async (c) => {
    const date = c.req.query("date") ?? "";
    const [scolaire, civile] = anneesScolairesAt(date);
    const { results } = await c.env.DB.prepare(
      `SELECT statut, count(*) AS n FROM effectif_statuts
        WHERE annee_scolaire IN (?1, ?2) AND du <= ?3 AND (au IS NULL OR au >= ?3) GROUP BY statut`,
    )
      .bind(scolaire, civile, date)
      .all();
    return c.json({ statuts: results });
  })
  /**
   * Bulk load of the national data set inside D1: the parcours intervals of effectifs `debut` … `debut + nombre - 1`
   * spread over every organisme, generated by a recursive CTE (no HTTP push per record). Deterministic mix:
   * 55 % apprentis, 15 % rupturants then sortis, 15 % never under contract (abandon after 90 days), 10 % fin de
   * formation, 5 % excluded. Dates start from `rentree` (1 August of the année scolaire).
   */
  .post("/chargement-national", async (c) => {
    const { debut, nombre, anneeScolaire } = await c.req.json<{
      debut: number;
      nombre: number;
      anneeScolaire: string;
    }>();
    const rentree = `${anneeScolaire.slice(0, 4)}-08-01`;
    // One statement per kind of interval: D1 caps the number of terms of a compound SELECT.
    const insert = (du: string, au: string, statut: string, categories: string) =>
      c.env.DB.prepare(
        `WITH RECURSIVE seq(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 + ?2 - 1),
              orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM organismes),
              nb AS (SELECT count(*) AS n FROM organismes),
              e AS (SELECT 'bench-' || seq.i AS id, o.id AS organisme_id, (seq.i * 7919) % 100 AS cat,
                           date(?3, '+' || ((seq.i * 31) % 90) || ' days') AS d1, 30 + (seq.i * 13) % 200 AS duree
                      FROM seq JOIN nb JOIN orgs o ON o.k = seq.i % nb.n)
         INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut)
         SELECT id, organisme_id, ?4, ${du}, ${au}, '${statut}' FROM e WHERE ${categories}`,
      ).bind(debut, nombre, rentree, anneeScolaire);
    // The effectifs first (their formation and name: the breakdown by formation and the lists read them), then
    // their intervals. Each organisme trains 12 formations of a pool of 600 (8 in 10 with a CFD, 1 with an RNCP
    // code only, 1 with a libellé only); names drawn by a multiplicative hash, so that they do not follow the mix.
    const effectifs = c.env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 + ?2 - 1),
            orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM organismes),
            nb AS (SELECT count(*) AS n FROM organismes),
            e AS (SELECT seq.i, o.id AS organisme_id, (seq.i * 2654435761) % 4294967291 AS h,
                         (o.k * 37 + (((seq.i * 40503) % 65521) % 12) * 53) % 600 AS f
                    FROM seq JOIN nb JOIN orgs o ON o.k = seq.i % nb.n)
       INSERT INTO effectifs (id, organisme_id, annee_scolaire, id_erp_apprenant, nom, prenom, libelle_formation,
                              formation_cfd, formation_rncp, data, parcours, data_hash, created_at, updated_at)
       SELECT 'bench-' || i, organisme_id, ?3, 'bench-' || i, 'NOM' || (h % 4999), 'Prénom' || ((h / 4999) % 307),
              'Formation ' || f,
              CASE WHEN f % 10 < 8 THEN printf('B%07d', f) END,
              CASE WHEN f % 10 < 9 THEN printf('RNCP%05d', f) END,
              '{}', '[]', 'bench', ?4, ?4
         FROM e`,
    ).bind(debut, nombre, anneeScolaire, new Date().toISOString());
    await c.env.DB.batch([
      effectifs,
      ...PARCOURS_MIX.map(([du, au, statut, categories]) => insert(du, au, statut, categories)),
    ]);
    return c.json({ effectifs: nombre });
  })
  /**
   * Bulk load of one organisme's effectifs (part 8: 10,000 to 100,000 in one organisme), inside D1 by recursive
   * CTEs: effectifs `debut` … `debut + nombre - 1` with the columns Mes effectifs shows and searches (names drawn by
   * a multiplicative hash, 40 formations, employeurs, contract dates), their report rows (dossiers_recus, outcome
   * created) and their parcours intervals in part 3's mix. Every insert goes through the production triggers.
   */
  .post("/chargement-organisme", async (c) => {
    const { organismeId, debut, nombre, anneeScolaire } = await c.req.json<{
      organismeId: string;
      debut: number;
      nombre: number;
      anneeScolaire: string;
    }>();
    const rentree = `${anneeScolaire.slice(0, 4)}-08-01`;
    const now = new Date().toISOString();
    const seq = "WITH RECURSIVE seq(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 + ?2 - 1)";
    const effectifs = c.env.DB.prepare(
      `${seq}, e AS (SELECT i, (i * 2654435761) % 4294967291 AS h, (i * 40503) % 40 AS f,
                            date(?4, '+' || ((i * 31) % 90) || ' days') AS d1 FROM seq)
       INSERT INTO effectifs (id, organisme_id, organisme_responsable_id, annee_scolaire, id_erp_apprenant, nom, prenom,
                              date_de_naissance, libelle_formation, formation_cfd, formation_rncp, date_entree_formation,
                              date_fin_formation, employeur, contrat_debut, contrat_fin, data, parcours, data_hash,
                              created_at, updated_at)
       SELECT 'org-bench-' || i, ?3, ?3, ?5, 'ob-' || i, 'NOM' || (h % 4999), 'Prénom' || ((h / 4999) % 307),
              date('2005-01-01', '+' || (h % 2500) || ' days'), 'Formation ' || f, printf('B%07d', f),
              printf('RNCP%05d', f), d1, date(d1, '+2 years'), printf('%014d', 30000000000000 + (h % 3000)),
              d1, date(d1, '+2 years'), json_object('sexe_apprenant', CASE WHEN h % 2 = 0 THEN 'F' ELSE 'M' END),
              '[]', 'bench', ?6, ?6
         FROM e`,
    ).bind(debut, nombre, organismeId, rentree, anneeScolaire, now);
    const recus = c.env.DB.prepare(
      `${seq}
       INSERT INTO dossiers_recus (organisme_id, identity, transmission_id, outcome, errors, nom, prenom, libelle_formation,
                                   annee_scolaire, id_erp_apprenant, effectif_id, received_at)
       SELECT e.organisme_id, e.annee_scolaire || '|' || e.id_erp_apprenant, 'bench', 'created', '[]', e.nom, e.prenom,
              e.libelle_formation, e.annee_scolaire, e.id_erp_apprenant, e.id, ?4
         FROM seq JOIN effectifs e ON e.id = 'org-bench-' || seq.i AND e.organisme_id = ?3`,
    ).bind(debut, nombre, organismeId, now);
    const insert = (du: string, au: string, statut: string, categories: string) =>
      c.env.DB.prepare(
        `${seq}, e AS (SELECT 'org-bench-' || i AS id, (i * 7919) % 100 AS cat,
                              date(?4, '+' || ((i * 31) % 90) || ' days') AS d1, 30 + (i * 13) % 200 AS duree FROM seq)
         INSERT INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut)
         SELECT id, ?3, ?5, ${du}, ${au}, '${statut}' FROM e WHERE ${categories}`,
      ).bind(debut, nombre, organismeId, rentree, anneeScolaire);
    await c.env.DB.batch([
      effectifs,
      recus,
      ...PARCOURS_MIX.map(([du, au, statut, categories]) => insert(du, au, statut, categories)),
    ]);
    return c.json({ effectifs: nombre });
  })
  /**
   * Confirmed exchange keys for `nombre` fiable organismes of a région that have none (part 5: they push
   * concurrently), made through their hubs the way an OFA and its ERP make them: key generated, used, confirmed.
   */
  .post("/cles-region", async (c) => {
    // `horsRegion` instead of `region`: organismes of every other région (part 7: 20 ERPs across the country).
    const { region, horsRegion, nombre } = await c.req.json<{ region?: string; horsRegion?: string; nombre: number }>();
    const { results } = await c.env.DB.prepare(
      `SELECT id, uai, siret FROM organismes
        WHERE (?1 IS NULL OR region = ?1) AND (?3 IS NULL OR region IS NOT ?3) AND referentiel = 1 AND ferme = 0
          AND uai IS NOT NULL AND id NOT IN (SELECT organisme_id FROM api_keys) ORDER BY id LIMIT ?2`,
    )
      .bind(region ?? null, nombre, horsRegion ?? null)
      .all<{ id: string; uai: string; siret: string }>();
    const actor = { userId: null, name: "Banc d'essai" };
    const cles = [];
    for (const organisme of results) {
      const hub = organismeHub(c.env, organisme.id);
      const generated = await hub.generateKey({ organismeId: organisme.id, actor });
      if (!generated.ok) throw new Error(generated.message);
      await hub.recordFirstUse({ keyId: generated.connection.key!.id, via: "test" });
      const confirmed = await hub.confirm({ organismeId: organisme.id, actor });
      if (!confirmed.ok) throw new Error(confirmed.message);
      cles.push({ ...organisme, key: generated.key });
    }
    return c.json({ cles });
  })
  /** The effectifs D1 holds for each of `ids` (part 7: what the ERPs' acknowledged pushes should have left). */
  .post("/effectifs-par-organisme", async (c) => {
    const { ids } = await c.req.json<{ ids: string[] }>();
    const { results } = await c.env.DB.prepare(
      `SELECT organisme_id AS id, count(*) AS n FROM effectifs
        WHERE organisme_id IN (SELECT value FROM json_each(?1)) GROUP BY organisme_id`,
    )
      .bind(JSON.stringify(ids))
      .all<{ id: string; n: number }>();
    return c.json({ effectifs: Object.fromEntries(results.map((r) => [r.id, r.n])) });
  })
  /**
   * The database's size, all tables and indexes: D1's own figure (`meta.size_after`, page count × page size, what
   * the 10 GB limit applies to; the binding refuses PRAGMA page_count), and how many effectifs it holds.
   */
  .get("/taille", async (c) => {
    const result = await c.env.DB.prepare("SELECT count(*) AS n FROM effectifs").all<{ n: number }>();
    return c.json({ octets: result.meta.size_after, effectifs: result.results[0]?.n ?? 0 });
  })
  /** What the national data set holds: intervals, and the rows of the counters the triggers maintain. */
  .get("/volume", async (c) => {
    const row = await c.env.DB.prepare(
      `SELECT (SELECT count(*) FROM effectif_statuts) AS intervalles, (SELECT count(*) FROM effectif_statuts_mois) AS compteursMois,
              (SELECT count(*) FROM effectif_statuts_variations) AS variations`,
    ).first();
    return c.json(row);
  });
