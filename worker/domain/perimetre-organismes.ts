/**
 * What `GET /api/perimetre/organismes` answers: every organisme a perimeter names (réseaux, opérateurs publics,
 * administrators), with its fiabilité, its transmission and its counters, and the perimeter's taux de couverture.
 * Shared with the web app (the page's filters, sort keys and labels come from here).
 */
import type { ConnectionStatus } from "./connection-state";
import type { Indicateurs } from "./indicators";
import type { Perimetre } from "./indicateurs-territoire";
import type { ErpOption, ModeTransmission } from "./transmission-view";

/**
 * Where the organisme's connection procedure stands, as its Paramètres page would show it (read from D1: its
 * settings and its current clé d'échange, the way the OrganismeHub bootstraps its state).
 */
export const ETATS_TRANSMISSION = ["non-parametre", "en-attente", "connecte", "manuel"] as const;
export type EtatTransmission = (typeof ETATS_TRANSMISSION)[number];

export const ETAT_TRANSMISSION_LABELS: Record<EtatTransmission, string> = {
  "non-parametre": "Non paramétré",
  "en-attente": "En attente de confirmation",
  connecte: "Connecté",
  manuel: "Transmission manuelle",
};

/**
 * The same rule from what the Paramètres page reads (its settings and the hub's state): a manual mode first, then
 * the key flow confirmed, or under way (a key generated or installed, not confirmed yet).
 */
export function etatTransmissionOf(mode: ModeTransmission | null, connexion: ConnectionStatus): EtatTransmission {
  if (mode === "manuel") return "manuel";
  if (mode === "api" && connexion === "confirmed") return "connecte";
  if (mode === "api" && (connexion === "key_generated" || connexion === "installed")) return "en-attente";
  return "non-parametre";
}

/** The organisations that see a perimeter's organismes (administrators see the country's). */
export const ORGANISATIONS_TERRITORIALES = ["RESEAU", "DREETS", "DDETS", "ACADEMIE"];

/** The `erp` filter's values besides a catalogue id: a free-named ERP, or none chosen. */
export const ERP_FILTRE_AUTRE = "autre";
export const ERP_FILTRE_AUCUN = "aucun";

/** The columns the table sorts by (`tri=`), in the order the page shows them. */
export const TRIS_ORGANISMES = [
  "nom",
  "uai",
  "siret",
  "nature",
  "fiable",
  "departement",
  "commune",
  "etat",
  "erp",
  "derniereTransmission",
  "apprenants",
  "apprentis",
  "inscrits",
  "rupturants",
  "abandons",
  "invalides",
] as const;
export type TriOrganismes = (typeof TRIS_ORGANISMES)[number];

export interface OrganismePerimetre {
  id: string;
  uai: string | null;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  nature: string;
  fiabilite: { fiable: boolean; raison: string };
  commune: string | null;
  departement: string | null;
  modeTransmission: ModeTransmission | null;
  /** the catalogue label, the free name of an "autre" ERP, or null */
  erp: string | null;
  etatTransmission: EtatTransmission;
  /** ISO timestamp of its last push or import, null if it never transmitted */
  derniereTransmission: string | null;
  /** today, over the organisme and its formateurs (as its own dashboard counts) */
  indicateurs: Indicateurs;
  /** dossiers whose latest reception was invalid, over the organisme and its formateurs */
  invalides: number;
}

/** Organismes of the référentiel in a département, and how many of them transmit. */
export interface CouvertureDepartement {
  /** null: organismes without a département */
  departement: string | null;
  /** organismes of the référentiel (referentiel = 1) the perimeter names there */
  organismes: number;
  /** those of them that transmit (a transmission ever received) */
  transmettent: number;
}

/** The taux de couverture: organismes that transmit / organismes of the référentiel, overall and per département. */
export interface Couverture {
  organismes: number;
  transmettent: number;
  /** every département where the perimeter names an organisme (référentiel or not), by code */
  departements: CouvertureDepartement[];
}

/** `GET /api/perimetre/organismes?…`: one page of the table, with the couverture and the ERP filter's options. */
export interface OrganismesPerimetrePage {
  date: string;
  anneeScolaire: string;
  perimetre: Perimetre;
  couverture: Couverture;
  erps: ErpOption[];
  page: number;
  taille: number;
  /** organismes matching the filters and the search */
  total: number;
  rows: OrganismePerimetre[];
}

/** `…&export=csv|xlsx`: every row matching the filters, in the table's order, for the file the browser builds. */
export interface OrganismesPerimetreExport {
  date: string;
  total: number;
  rows: OrganismePerimetre[];
}
