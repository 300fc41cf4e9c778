/**
 * What a perimeter (a réseau, a département, a région, an académie, the whole country) covers, as SQL over the
 * organismes, in one definition for every territorial view (counters, lists, organismes page, live):
 * - the organismes it names: those located in its territory, or the members of its réseau, fiable or not (the
 *   organismes page shows them all, with their fiabilité);
 * - the organismes it counts: its fiable named organismes AND their formateurs, each organisme (hence each
 *   effectif) once. An organisme's figures are itself and its formateurs on every dashboard, its own included, so a
 *   réseau's total is never below its members' own (SPEC §9).
 * The pages say it in one sentence: DEFINITION_PERIMETRE (worker/domain/indicateurs-territoire.ts).
 * Statements bind the perimeter as ?1 région, ?2 département, ?3 académie, ?4 réseau (null = no filter on it).
 */
import type { Perimetre } from "../domain/indicateurs-territoire";

const nomme = (alias: string) => `
  (?1 IS NULL OR ${alias}.region = ?1) AND (?2 IS NULL OR ${alias}.departement = ?2)
  AND (?3 IS NULL OR ${alias}.academie = ?3)
  AND (?4 IS NULL OR ${alias}.id IN (SELECT organisme_id FROM reseau_membres WHERE reseau = ?4))`;

const fiable = (alias: string) => `${alias}.referentiel = 1 AND ${alias}.ferme = 0`;

/** The ids of the organismes the perimeter names, fiable or not. */
export const ORGANISMES_NOMMES = `SELECT o.id FROM organismes o WHERE ${nomme("o")}`;

/** The ids of the fiable organismes the perimeter names (the "organismes fiables pris en compte"). */
export const ORGANISMES_FIABLES = `SELECT o.id FROM organismes o WHERE ${fiable("o")} AND ${nomme("o")}`;

/** The ids of the organismes whose effectifs the perimeter counts: the fiable named ones and their formateurs. */
export const ORGANISMES_COMPTES = `${ORGANISMES_FIABLES}
  UNION
  SELECT r.formateur_id FROM organisme_relations r JOIN organismes o ON o.id = r.responsable_id
   WHERE ${fiable("o")} AND ${nomme("o")}`;

/** The bound values ?1–?4 of the statements above. */
export const perimetreParams = (perimetre: Perimetre) =>
  [perimetre.region, perimetre.departement, perimetre.academie, perimetre.reseau] as const;
