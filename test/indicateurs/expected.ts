/**
 * The counters computed again, independently of the app's SQL: from the dossiers as pushed, validated with the
 * domain's validator, their parcours from the domain's rules, and SPEC §6's mapping written out here.
 */
import { validateDossier, type DossierNormalise } from "../../worker/domain/dossier";
import { computeParcours, statutAt, type ParcoursEntry, type Statut } from "../../worker/domain/parcours";

export interface Counters {
  apprenants: number;
  apprentis: number;
  rupturants: number;
  inscrits: number;
  abandons: number;
}

export interface Modele {
  dossier: DossierNormalise;
  parcours: ParcoursEntry[];
}

/** Valid dossiers only (the invalid ones are never counted), the last one sent for an identity winning. */
export function modele(pushed: Record<string, unknown>[]): Modele[] {
  const byIdentity = new Map<string, Modele>();
  for (const input of pushed) {
    const validation = validateDossier(input);
    if (!validation.ok) continue;
    const d = validation.value as DossierNormalise & Record<string, string | undefined>;
    const contrats = ["", "_2", "_3", "_4"]
      .filter((s) => d[`contrat_date_debut${s}`])
      .map((s) => ({
        date_debut: d[`contrat_date_debut${s}`]!,
        date_fin: d[`contrat_date_fin${s}`] ?? null,
        date_rupture: d[`contrat_date_rupture${s}`] ?? null,
      }));
    const parcours = computeParcours({
      date_entree_formation: d.date_entree_formation,
      date_fin_formation: d.date_fin_formation,
      date_exclusion_formation: d.date_exclusion_formation ?? null,
      contrats,
    });
    byIdentity.set(`${d.etablissement_formateur_siret}|${d.annee_scolaire}|${d.id_erp_apprenant}`, {
      dossier: d,
      parcours,
    });
  }
  return [...byIdentity.values()];
}

/** SPEC §6: at D, the school year containing D (August boundary) and the calendar year "Y-Y". */
export function countedAt(m: Modele[], date: string): (Modele & { statut: Statut })[] {
  const year = Number(date.slice(0, 4));
  const scolaire = Number(date.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
  return m
    .filter((x) => x.dossier.annee_scolaire === scolaire || x.dossier.annee_scolaire === `${year}-${year}`)
    .map((x) => ({ ...x, statut: statutAt(x.parcours, date) }));
}

export function countersOf(statuts: Statut[]): Counters {
  const n = (...s: Statut[]) => statuts.filter((x) => s.includes(x)).length;
  return {
    apprenants: n("APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"),
    apprentis: n("APPRENTI", "FIN_DE_FORMATION"),
    rupturants: n("RUPTURANT"),
    inscrits: n("INSCRIT"),
    abandons: n("ABANDON"),
  };
}

export const countersAt = (m: Modele[], date: string) => countersOf(countedAt(m, date).map((x) => x.statut));

export function countersByFormation(m: Modele[], date: string): Map<string, Counters> {
  const groups = new Map<string, Statut[]>();
  for (const x of countedAt(m, date)) {
    const key = `${x.dossier.libelle_court_formation ?? ""}|${x.dossier.formation_cfd ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), x.statut]);
  }
  return new Map([...groups].map(([key, statuts]) => [key, countersOf(statuts)]));
}

export const INDICATEUR_STATUTS_ATTENDUS: Record<keyof Counters, Statut[]> = {
  apprenants: ["APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"],
  apprentis: ["APPRENTI", "FIN_DE_FORMATION"],
  rupturants: ["RUPTURANT"],
  inscrits: ["INSCRIT"],
  abandons: ["ABANDON"],
};
