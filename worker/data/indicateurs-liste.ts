/** The nominative list behind one counter at a date (Mes indicateurs → "Voir la liste"). */
import { anneesScolairesAt } from "../domain/annee-scolaire";
import { contratsOf, type DossierNormalise } from "../domain/dossier";
import type { ApprenantListe, ContratALaDate } from "../domain/indicateurs-organisme";
import type { Indicateur } from "../domain/indicators";
import { DEBUT_DES_TEMPS, type Statut } from "../domain/parcours";
import type { effectifStatuts, effectifs } from "../../db/schema";
import type { Database } from "./db";

/** The statuts each counter counts (SPEC §6). */
export const INDICATEUR_STATUTS: Record<Indicateur, Statut[]> = {
  apprenants: ["APPRENTI", "FIN_DE_FORMATION", "INSCRIT", "RUPTURANT"],
  apprentis: ["APPRENTI", "FIN_DE_FORMATION"],
  rupturants: ["RUPTURANT"],
  inscrits: ["INSCRIT"],
  abandons: ["ABANDON"],
};

export const INDICATEURS = Object.keys(INDICATEUR_STATUTS) as [Indicateur, ...Indicateur[]];

export const isIndicateur = (value: string | undefined): value is Indicateur =>
  value !== undefined && Object.hasOwn(INDICATEUR_STATUTS, value);

type Effectif = typeof effectifs.$inferSelect;

export type ListeRow = Pick<
  Effectif,
  | "organismeId"
  | "nom"
  | "prenom"
  | "dateDeNaissance"
  | "libelleFormation"
  | "formationCfd"
  | "dateEntreeFormation"
  | "data"
> &
  Pick<typeof effectifStatuts.$inferSelect, "effectifId" | "du"> & { statut: Statut };

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

/** The columns a list row is read with (effectif_statuts `s` joined to effectifs `e`): a `ListeRow`. */
export const COLONNES_LISTE = `s.effectif_id AS effectifId, e.organisme_id AS organismeId, e.nom, e.prenom,
  e.date_de_naissance AS dateDeNaissance, e.libelle_formation AS libelleFormation, e.formation_cfd AS formationCfd,
  s.statut, s.du, e.date_entree_formation AS dateEntreeFormation, e.data`;

/** A list row as the API answers it: the statut since when, and the contract at the date. */
export function apprenantListe(row: ListeRow, date: string): ApprenantListe {
  return {
    effectifId: row.effectifId,
    organismeId: row.organismeId,
    nom: row.nom,
    prenom: row.prenom,
    dateDeNaissance: row.dateDeNaissance,
    formation: row.libelleFormation,
    cfd: row.formationCfd,
    statut: row.statut,
    // The first interval is open towards the past: inscrit since entering the formation, if already entered.
    depuis:
      row.du !== DEBUT_DES_TEMPS
        ? row.du
        : row.dateEntreeFormation && row.dateEntreeFormation <= date
          ? row.dateEntreeFormation
          : null,
    contrat: contratALaDate(JSON.parse(row.data) as DossierNormalise, date),
  };
}

export async function listApprenants(
  db: Database,
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
  // Measured path (a list page and its count over 10,000 effectifs in one D1 batch): hand-tuned SQL.
  const d1 = db.$client;
  const [count, page] = await d1.batch<{ n: number } | ListeRow>([
    d1.prepare(`SELECT count(*) AS n ${where}`).bind(...bind),
    d1
      .prepare(
        `SELECT ${COLONNES_LISTE} ${where}
          ORDER BY e.nom COLLATE NOCASE, e.prenom COLLATE NOCASE, e.id LIMIT ?6 OFFSET ?7`,
      )
      .bind(...bind, options.limit, options.offset),
  ]);
  const total = (count.results[0] as { n: number } | undefined)?.n ?? 0;
  const rows = (page.results as ListeRow[]).map((row) => apprenantListe(row, options.date));
  return { total, rows };
}
