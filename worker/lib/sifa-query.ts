/** The SIFA population of an organisme and its formateurs, read from the statut intervals at the survey date. */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { DossierNormalise } from "../domain/dossier";
import { STATUTS_POPULATION_SIFA, type EffectifSifa } from "../domain/sifa";

export interface EffectifPopulationSifa extends EffectifSifa {
  effectifId: string;
  nom: string;
  prenom: string;
  formation: string | null;
}

interface Row {
  effectifId: string;
  nom: string;
  prenom: string;
  formation: string | null;
  data: string;
  uaiResponsable: string | null;
  uaiFormateur: string | null;
}

/** Learners APPRENTI or RUPTURANT on `dateEnquete`, over its school year and calendar year (SPEC §6), by name. */
export async function populationSifa(
  db: D1Database,
  organismeIds: string[],
  dateEnquete: string,
): Promise<EffectifPopulationSifa[]> {
  const [scolaire, civile] = anneesScolairesAt(dateEnquete);
  const { results } = await db
    .prepare(
      `SELECT e.id AS effectifId, e.nom, e.prenom, e.libelle_formation AS formation, e.data,
              r.uai AS uaiResponsable, f.uai AS uaiFormateur
         FROM effectif_statuts s
         JOIN effectifs e ON e.id = s.effectif_id
         LEFT JOIN organismes f ON f.id = e.organisme_id
         LEFT JOIN organismes r ON r.id = e.organisme_responsable_id
        WHERE s.organisme_id IN (SELECT value FROM json_each(?1)) AND s.annee_scolaire IN (?2, ?3)
          AND s.du <= ?4 AND (s.au IS NULL OR s.au >= ?4) AND s.statut IN (SELECT value FROM json_each(?5))
        ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id`,
    )
    .bind(JSON.stringify(organismeIds), scolaire, civile, dateEnquete, JSON.stringify(STATUTS_POPULATION_SIFA))
    .all<Row>();
  return results.map((row) => ({
    effectifId: row.effectifId,
    nom: row.nom,
    prenom: row.prenom,
    formation: row.formation,
    dossier: JSON.parse(row.data) as DossierNormalise,
    uaiResponsable: row.uaiResponsable,
    uaiFormateur: row.uaiFormateur,
  }));
}
