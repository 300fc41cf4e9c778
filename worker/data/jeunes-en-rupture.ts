/**
 * The learners a Mission Locale's worklist starts from: those whose home is in its zone and who were rupturant
 * since `depuis`, with their CFA and their follow-up. Measured path (the worklist and its live refresh): one
 * hand-written statement on the partial indexes effectifs_rupture_commune / effectifs_rupture_code_postal, by
 * commune of the zone; where each learner stands today is decided from its parcours in
 * worker/domain/jeunes-en-rupture.ts. The zone's communes drive the loop (CROSS JOIN: SQLite keeps that order), else
 * the planner may read every learner without INSEE code in rupture (commune_apprenant IS NULL on the commune index)
 * and look the zone up for each. A correlated subquery names the outer row in its WHERE only: the SQLite of workerd
 * refuses an outer column in a subquery's ORDER BY.
 */
import { sql } from "drizzle-orm";
import type { Candidat } from "../domain/jeunes-en-rupture";
import type { Database } from "./db";

const CANDIDATS = (missionLocaleId: string, depuis: string, effectifId: string | null) => sql`
  WITH zone_insee(code, nom) AS (
    SELECT code_insee, min(nom) FROM mission_locale_communes WHERE mission_locale_id = ${missionLocaleId} GROUP BY code_insee
  ),
  zone_postale(code, nom) AS (
    SELECT code_postal, min(nom) FROM mission_locale_communes WHERE mission_locale_id = ${missionLocaleId} GROUP BY code_postal
  ),
  candidats(id, commune_code, commune_nom) AS (
    SELECT e.id, z.code, z.nom FROM zone_insee z
      CROSS JOIN effectifs e ON e.commune_apprenant = z.code AND e.date_rupture IS NOT NULL AND e.date_rupture >= ${depuis}
    UNION ALL
    SELECT e.id, NULL, z.nom FROM zone_postale z
      CROSS JOIN effectifs e ON e.code_postal_apprenant = z.code AND e.commune_apprenant IS NULL
                      AND e.date_rupture IS NOT NULL AND e.date_rupture >= ${depuis}
  )
  SELECT e.id AS effectifId, e.organisme_id AS organismeId, e.nom, e.prenom, e.date_de_naissance AS dateDeNaissance,
         e.libelle_formation AS libelleFormation, e.parcours, c.commune_code AS communeCode, c.commune_nom AS communeNom,
         e.data ->> '$.sexe_apprenant' AS sexe, e.data ->> '$.rqth_apprenant' AS rqth,
         e.data ->> '$.tel_apprenant' AS telephone, e.data ->> '$.email_contact' AS email,
         e.employeur AS siretEmployeur, coalesce(o.enseigne, o.raison_sociale) AS cfaNom, o.commune AS cfaCommune,
         coalesce(
           (SELECT ev.contact_nom || ' — ' || ev.contact_telephone FROM suivi_evenements ev
             WHERE ev.effectif_id = e.id AND ev.mission_locale_id = ${missionLocaleId} AND ev.motif IS NOT NULL
             ORDER BY ev.at DESC LIMIT 1),
           (SELECT u.email FROM organisations og JOIN users u ON u.organisation_id = og.id AND u.status = 'active'
             WHERE og.type = 'ORGANISME_FORMATION' AND og.organisme_id = e.organisme_id
             ORDER BY u.created_at LIMIT 1),
           (SELECT u.email FROM organisations og JOIN users u ON u.organisation_id = og.id AND u.status = 'active'
             WHERE og.type = 'ORGANISME_FORMATION' AND og.organisme_id = e.organisme_responsable_id
             ORDER BY u.created_at LIMIT 1)
         ) AS cfaContact,
         s.etat, s.recontacter_le AS recontacterLe, s.signale_at AS signaleAt
    FROM candidats c
    JOIN effectifs e ON e.id = c.id
    JOIN organismes o ON o.id = e.organisme_id
    LEFT JOIN suivis_mission_locale s ON s.effectif_id = e.id AND s.mission_locale_id = ${missionLocaleId}
   WHERE ${effectifId} IS NULL OR e.id = ${effectifId}`;

/** Every candidate of the zone whose last rupture started on or after `depuis`. */
export const candidatsRupture = (db: Database, missionLocaleId: string, depuis: string) =>
  db.all<Candidat>(CANDIDATS(missionLocaleId, depuis, null));

/** One learner of the zone (undefined: not in the zone, or not rupturant since `depuis`). */
export const candidatRupture = async (db: Database, missionLocaleId: string, depuis: string, effectifId: string) =>
  (await db.all<Candidat>(CANDIDATS(missionLocaleId, depuis, effectifId)))[0];
