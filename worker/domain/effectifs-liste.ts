/** What Mes effectifs' routes answer (`/api/organismes/:id/effectifs…`), shared by the API and the web app. */
import type { DossierNormalise } from "./dossier";
import type { EtatSuivi } from "./missions-locales";
import type { ParcoursEntry } from "./parcours";

/** A row of Mes effectifs. */
export interface EffectifListRow {
  effectifId: string | null;
  organismeId: string;
  identity: string;
  /** the organisme formateur's name */
  organisme: string | null;
  formation: string | null;
  /** the formation's dates (JJ/MM/AAAA) and its diploma ("CFD …" or "RNCP …") */
  formationDebut: string | null;
  formationFin: string | null;
  diplome: string | null;
  apprenant: string;
  /** "M" | "F" | null */
  sexe: string | null;
  statut: string | null;
  employeur: string | null;
  debut: string | null;
  fin: string | null;
  /** "Transmis sur TBA" | "Invalide pour TBA" | "En attente de confirmation" */
  etat: string;
  erreurs: { message: string; path: string }[];
  majLe: string | null;
}

/** `GET /api/organismes/:id/effectifs/export?…`: every row (filtered), for the file. */
export interface EffectifsExport {
  total: number;
  rows: EffectifListRow[];
}

/** `GET /api/organismes/:id/effectifs?page=&taille=&…`: one page of rows, filtered per column. */
export interface EffectifsPage extends EffectifsExport {
  page: number;
  taille: number;
  /** by effectif id, for the page's learners ever in rupture: the Mission Locale covering them, its follow-up state */
  missionsLocales: Record<string, { nom: string; etat: EtatSuivi | null }>;
}

/** One dossier: its data as last received, its parcours and its latest errors. */
export interface EffectifDetail {
  id: string;
  organismeId: string;
  anneeScolaire: string;
  idErpApprenant: string;
  majLe: string;
  dossier: DossierNormalise;
  parcours: ParcoursEntry[];
  erreurs: EffectifListRow["erreurs"];
  /** the latest push of the dossier was invalid */
  invalide: boolean;
  /** "erp" | "fichier": who wrote it last */
  source: string;
  /** the organisme may correct or delete it (sent by file, or the organisme transmits by hand) */
  modifiable: boolean;
}

/** `GET /api/organismes/:id/effectifs/:effectifId`. */
export interface EffectifDetailResponse {
  effectif: EffectifDetail;
}
