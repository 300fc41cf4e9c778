/**
 * Suspected duplicates (the same learner twice in an organisme and its formateurs): two effectifs of one année
 * scolaire with the same normalised nom, prénom and date de naissance, whatever their source (ERP or file) and
 * their id_erp_apprenant. Pure: the ingestion computes the key, the pages show the reason.
 */

/** Upper case, without accents, spaces, hyphens or apostrophes: "Lé-a " and "LEA" are the same name. */
export function normaliseNom(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/** The key two effectifs share when they are suspected duplicates (null: not enough to compare). */
export function cleIdentite(nom: string, prenom: string, dateDeNaissance: string | null | undefined): string | null {
  const n = normaliseNom(nom);
  const p = normaliseNom(prenom);
  if (!n || !p || !dateDeNaissance) return null;
  return `${n}|${p}|${dateDeNaissance}`;
}

export const RAISON_DOUBLON = "Même nom, prénom et date de naissance dans la même année scolaire";

/** a_traiter: listed and counted; pas_un_doublon: the organisme said they are two people; resolu: one was removed. */
export const ETATS_DOUBLON = ["a_traiter", "pas_un_doublon", "resolu"] as const;
export type EtatDoublon = (typeof ETATS_DOUBLON)[number];

/** One of the two dossiers of a pair, as the Doublons page shows them side by side. */
export interface DossierDoublon {
  id: string;
  organismeId: string;
  /** the organisme formateur's name */
  organisme: string;
  /** "erp" | "fichier" */
  source: string;
  idErpApprenant: string;
  nom: string;
  prenom: string;
  dateDeNaissance: string | null;
  formation: string | null;
  /** today's statut (label), null before the parcours starts */
  statut: string | null;
  majLe: string;
  /** false: fed by the organisme's ERP, which would send it again (remove it there) */
  supprimable: boolean;
}

export interface DoublonATraiter {
  anneeScolaire: string;
  detecteAt: string;
  raison: string;
  a: DossierDoublon;
  b: DossierDoublon;
}

/** `GET /api/organismes/:id/doublons?page=&taille=`: the pairs à traiter, newest first. */
export interface DoublonsPage {
  total: number;
  page: number;
  taille: number;
  doublons: DoublonATraiter[];
}

/** `POST /api/organismes/:id/doublons/resolution`: what was done. */
export interface ResolutionDoublon {
  etat: Exclude<EtatDoublon, "a_traiter">;
  conserve: string | null;
  supprime: string | null;
}
