/** The SIFA population of an organisme and its formateurs, read from the statut intervals at the survey date. */
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { effectifStatuts, effectifs, organismes } from "../../db/schema";
import { anneesScolairesAt } from "../domain/annee-scolaire";
import type { DossierNormalise } from "../domain/dossier";
import { STATUTS_POPULATION_SIFA, type EffectifSifa } from "../domain/sifa";
import type { Database } from "./db";
import { inScope } from "./scope";

type Effectif = typeof effectifs.$inferSelect;

export interface EffectifPopulationSifa extends EffectifSifa {
  effectifId: Effectif["id"];
  nom: Effectif["nom"];
  prenom: Effectif["prenom"];
  formation: Effectif["libelleFormation"];
}

const formateur = alias(organismes, "formateur");
const responsable = alias(organismes, "responsable");

/** Learners APPRENTI or RUPTURANT on `dateEnquete`, over its school year and calendar year (SPEC §6), by name. */
export async function populationSifa(
  db: Database,
  organismeIds: string[],
  dateEnquete: string,
): Promise<EffectifPopulationSifa[]> {
  const [scolaire, civile] = anneesScolairesAt(dateEnquete);
  const results = await db
    .select({
      effectifId: effectifs.id,
      nom: effectifs.nom,
      prenom: effectifs.prenom,
      formation: effectifs.libelleFormation,
      data: effectifs.data,
      uaiResponsable: responsable.uai,
      uaiFormateur: formateur.uai,
    })
    .from(effectifStatuts)
    .innerJoin(effectifs, eq(effectifs.id, effectifStatuts.effectifId))
    .leftJoin(formateur, eq(formateur.id, effectifs.organismeId))
    .leftJoin(responsable, eq(responsable.id, effectifs.organismeResponsableId))
    .where(
      and(
        inScope(effectifStatuts.organismeId, organismeIds),
        inArray(effectifStatuts.anneeScolaire, [scolaire, civile]),
        lte(effectifStatuts.du, dateEnquete),
        or(isNull(effectifStatuts.au), gte(effectifStatuts.au, dateEnquete)),
        inArray(effectifStatuts.statut, [...STATUTS_POPULATION_SIFA]),
      ),
    )
    .orderBy(sql`${effectifs.nom} COLLATE NOCASE`, sql`${effectifs.prenom} COLLATE NOCASE`, effectifs.id);
  return results.map(({ data, ...row }) => ({ ...row, dossier: JSON.parse(data) as DossierNormalise }));
}
