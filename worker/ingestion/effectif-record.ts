/**
 * A normalised dossier as the rows stored for it: one row of `effectifs` and its parcours as rows of
 * `effectif_statuts`. Pure (no I/O), so the demo seeder inserts effectifs exactly as the ERP API does.
 */
import { effectifs, effectifStatuts } from "../../db/schema";
import { contratsOf, type DossierNormalise } from "../domain/dossier";
import { computeParcours, parcoursToIntervals, type ParcoursEntry } from "../domain/parcours";
import { cleIdentite } from "../domain/doublons";
import { hash64 } from "./hash";
import { sqlColumns, type SqlRow } from "./columns";

/** A row of `effectifs` and one of `effectif_statuts`, keyed by SQL column name as the json_each upserts write them. */
export type EffectifRow = SqlRow<typeof effectifs>;
export type EffectifStatutRow = SqlRow<typeof effectifStatuts>;

export const EFFECTIF_COLUMNS = sqlColumns(effectifs);
export const EFFECTIF_STATUT_COLUMNS = sqlColumns(effectifStatuts);

/** The JSON stored in effectifs.data: keys in schema order, so equal dossiers have equal JSON. */
export const dossierJson = (dossier: DossierNormalise) => JSON.stringify(dossier);

export function parcoursOfDossier(dossier: DossierNormalise): ParcoursEntry[] {
  return computeParcours({
    date_entree_formation: dossier.date_entree_formation,
    date_fin_formation: dossier.date_fin_formation,
    date_exclusion_formation: dossier.date_exclusion_formation ?? null,
    contrats: contratsOf(dossier),
  });
}

/**
 * `computed`: the dossier's JSON and parcours when the caller already has them (the pipeline computes them per
 * dossier), and the JSON's hash64 when known.
 */
export function toEffectifRecord(
  dossier: DossierNormalise,
  ids: { id: string; organismeId: string; organismeResponsableId: string | null },
  now: string,
  source = "erp",
  computed: { data: string; parcours: ParcoursEntry[]; dataHash?: string } = {
    data: dossierJson(dossier),
    parcours: parcoursOfDossier(dossier),
  },
): { effectif: EffectifRow; statuts: EffectifStatutRow[] } {
  const { data, parcours } = computed;
  const dernierContrat = contratsOf(dossier).at(-1);
  const effectif: EffectifRow = {
    id: ids.id,
    organisme_id: ids.organismeId,
    organisme_responsable_id: ids.organismeResponsableId,
    annee_scolaire: dossier.annee_scolaire,
    id_erp_apprenant: dossier.id_erp_apprenant,
    nom: dossier.nom_apprenant,
    prenom: dossier.prenom_apprenant,
    date_de_naissance: dossier.date_de_naissance_apprenant,
    libelle_formation: dossier.libelle_court_formation ?? null,
    formation_cfd: dossier.formation_cfd ?? null,
    formation_rncp: dossier.formation_rncp ?? null,
    date_entree_formation: dossier.date_entree_formation,
    date_fin_formation: dossier.date_fin_formation,
    employeur: dernierContrat?.siret_employeur ?? null,
    contrat_debut: dernierContrat?.date_debut ?? null,
    contrat_fin: dernierContrat ? (dernierContrat.date_rupture ?? dernierContrat.date_fin) : null,
    data,
    parcours: JSON.stringify(parcours),
    data_hash: computed.dataHash ?? hash64(data),
    source,
    created_at: now,
    updated_at: now,
    commune_apprenant: dossier.code_commune_insee_apprenant ?? null,
    code_postal_apprenant: dossier.code_postal_apprenant ?? null,
    date_rupture: parcours.filter((entry) => entry.statut === "RUPTURANT").at(-1)?.date ?? null,
    cle_identite: cleIdentite(dossier.nom_apprenant, dossier.prenom_apprenant, dossier.date_de_naissance_apprenant),
  };
  const statuts = parcoursToIntervals(parcours).map((interval) => ({
    effectif_id: ids.id,
    organisme_id: ids.organismeId,
    annee_scolaire: dossier.annee_scolaire,
    ...interval,
  }));
  return { effectif, statuts };
}
