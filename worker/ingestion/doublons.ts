/**
 * Suspected duplicates found at ingestion, in the push's own batch (so the list is live and never half-written):
 * for each effectif just written, every other effectif of the same année scolaire with the same cle_identite in
 * the same organisme, or under the same responsable (an organisme and its formateurs), becomes a pair of
 * `doublons`, once (with the first such other). Measured path: one statement over the written ids, on the
 * effectifs_cle_identite index.
 */
import { doublons, effectifs } from "../../db/schema";
import { getTableName } from "drizzle-orm";

const DOUBLONS = getTableName(doublons);
const EFFECTIFS = getTableName(effectifs);

// Each written effectif is paired with the first other one in the index (the oldest row): a learner sent 2000 times
// under 2000 ids costs 2000 pairs, not 4 million; three copies A, B, C give A–B and A–C (B–C is found when A is gone
// and B or C is written again). The partner is a scalar subquery per written effectif (one index probe each), then
// read by its primary key: as a join, the planner may scan the effectifs and test every row against the subquery.
const SQL = `INSERT INTO ${DOUBLONS} (effectif_a, effectif_b, organisme_a, organisme_b, annee_scolaire, etat, detecte_at)
  SELECT min(p.id, o.id), max(p.id, o.id),
         CASE WHEN p.id < o.id THEN p.organisme_id ELSE o.organisme_id END,
         CASE WHEN p.id < o.id THEN o.organisme_id ELSE p.organisme_id END,
         p.annee_scolaire, 'a_traiter', ?2
    FROM (SELECT n.id, n.organisme_id, n.annee_scolaire,
                 (SELECT m.id FROM ${EFFECTIFS} m
                   WHERE m.cle_identite = n.cle_identite AND m.annee_scolaire = n.annee_scolaire AND m.id <> n.id
                     AND (m.organisme_id = n.organisme_id
                          OR coalesce(m.organisme_responsable_id, m.organisme_id)
                             = coalesce(n.organisme_responsable_id, n.organisme_id))
                   LIMIT 1) AS partenaire
            FROM json_each(?1) AS j JOIN ${EFFECTIFS} n ON n.id = j.value
           WHERE n.cle_identite IS NOT NULL) AS p
    JOIN ${EFFECTIFS} o ON o.id = p.partenaire
   WHERE true
  ON CONFLICT DO NOTHING`;

export const detectDoublons = (db: D1Database, effectifIds: string[], now: string): D1PreparedStatement[] =>
  effectifIds.length === 0 ? [] : [db.prepare(SQL).bind(JSON.stringify(effectifIds), now)];
