/** The nominative list behind one counter at a date (Mes indicateurs → "Voir la liste"). */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { contratsOf, type DossierNormalise } from "../domain/dossier";
import type { Indicateurs } from "../domain/indicators";
import { DEBUT_DES_TEMPS, type Statut } from "../domain/parcours";

export type Indicateur = keyof Indicateurs;

/** The statuts each counter counts (SPEC §6). */
export const INDICATEUR_STATUTS: Record<Indicateur, Statut[]> = {
  apprenants: ["APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"],
  apprentis: ["APPRENTI", "FIN_DE_FORMATION"],
  rupturants: ["RUPTURANT"],
  inscrits: ["INSCRIT"],
  abandons: ["ABANDON"],
};

export const isIndicateur = (value: string | undefined): value is Indicateur =>
  value !== undefined && Object.hasOwn(INDICATEUR_STATUTS, value);

export interface ContratALaDate {
  dateDebut: string;
  dateFin: string | null;
  dateRupture: string | null;
  siretEmployeur: string | null;
}

export interface ApprenantListe {
  effectifId: string;
  organismeId: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  cfd: string | null;
  statut: Statut;
  /** first day of the current statut; null for an inscrit whose formation has not started yet */
  depuis: string | null;
  /** the latest contract begun on or before the date, if any */
  contrat: ContratALaDate | null;
}

interface Row {
  effectifId: string;
  organismeId: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  cfd: string | null;
  statut: Statut;
  du: string;
  dateEntree: string | null;
  data: string;
}

function contratALaDate(dossier: DossierNormalise, date: string): ContratALaDate | null {
  const contrat = contratsOf(dossier)
    .filter((c) => c.date_debut <= date)
    .at(-1);
  if (!contrat) return null;
  return {
    dateDebut: contrat.date_debut,
    dateFin: contrat.date_fin,
    dateRupture: contrat.date_rupture,
    siretEmployeur: contrat.siret_employeur,
  };
}

export async function listApprenants(
  db: D1Database,
  organismeIds: string[],
  options: { indicateur: Indicateur; date: string; offset: number; limit: number },
): Promise<{ total: number; rows: ApprenantListe[] }> {
  const [scolaire, civile] = anneesScolairesAt(options.date);
  const where = `FROM effectif_statuts s JOIN effectifs e ON e.id = s.effectif_id
     WHERE s.organisme_id IN (SELECT value FROM json_each(?1)) AND s.annee_scolaire IN (?2, ?3)
       AND s.du <= ?4 AND (s.au IS NULL OR s.au >= ?4) AND s.statut IN (SELECT value FROM json_each(?5))`;
  const bind = [
    JSON.stringify(organismeIds),
    scolaire,
    civile,
    options.date,
    JSON.stringify(INDICATEUR_STATUTS[options.indicateur]),
  ];
  const [count, page] = await db.batch<{ n: number } | Row>([
    db.prepare(`SELECT count(*) AS n ${where}`).bind(...bind),
    db
      .prepare(
        `SELECT e.id AS effectifId, e.organisme_id AS organismeId, e.nom, e.prenom, e.date_de_naissance AS dateDeNaissance,
                e.libelle_formation AS formation, e.formation_cfd AS cfd, s.statut, s.du, e.date_entree_formation AS dateEntree, e.data
           ${where}
          ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id LIMIT ?6 OFFSET ?7`,
      )
      .bind(...bind, options.limit, options.offset),
  ]);
  const total = (count.results[0] as { n: number } | undefined)?.n ?? 0;
  const rows = (page.results as Row[]).map((row) => ({
    effectifId: row.effectifId,
    organismeId: row.organismeId,
    nom: row.nom,
    prenom: row.prenom,
    dateDeNaissance: row.dateDeNaissance,
    formation: row.formation,
    cfd: row.cfd,
    statut: row.statut,
    // The first interval is open towards the past: inscrit since entering the formation, if already entered.
    depuis:
      row.du !== DEBUT_DES_TEMPS ? row.du : row.dateEntree && row.dateEntree <= options.date ? row.dateEntree : null,
    contrat: contratALaDate(JSON.parse(row.data) as DossierNormalise, options.date),
  }));
  return { total, rows };
}
