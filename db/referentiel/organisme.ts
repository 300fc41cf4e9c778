/** An organisme of the référentiel as it is stored in the `organismes` table (SPEC §2). */
export const NATURES = ["responsable", "formateur", "responsable_formateur", "lieu_formation", "inconnue"] as const;
export type Nature = (typeof NATURES)[number];

export interface OrganismeReferentiel {
  uai: string;
  siret: string;
  raisonSociale: string;
  enseigne: string | null;
  nature: Nature;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  academie: string | null;
  ferme: boolean;
  /** false for couples seen only in ERP data (not in the national référentiel) */
  referentiel: boolean;
}

/** A couple (UAI, SIRET): the identity of an organisme. */
export interface Couple {
  uai: string;
  siret: string;
}

export const coupleKey = (c: Couple) => `${c.uai}|${c.siret}`;
