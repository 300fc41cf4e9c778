/**
 * Which organismes a user's territorial indicators may cover (SPEC §8): an administrator anything, a DREETS its
 * région, a DDETS its département, an académie its académie, a réseau its members; an OFA has no territorial view.
 * The filters asked for only narrow that perimeter; asking for another territory than one's own is refused.
 */
import type { SessionUser } from "../env";
import { isAdministrator } from "../domain/administrateur";
import { forbidden } from "./errors";

export interface Perimetre {
  region: string | null;
  departement: string | null;
  academie: string | null;
  /** only the members of this réseau (reseau_membres) */
  reseau: string | null;
}

export type FiltresTerritoire = Partial<Record<"region" | "departement" | "academie", string>>;

interface OrganisationCodes {
  type: string;
  reseau: string | null;
  codeRegion: string | null;
  codeDepartement: string | null;
  codeAcademie: string | null;
}

const OPERATEURS = {
  DREETS: { filtre: "region", code: "codeRegion" },
  DDETS: { filtre: "departement", code: "codeDepartement" },
  ACADEMIE: { filtre: "academie", code: "codeAcademie" },
} as const;

export async function perimetreOf(db: D1Database, user: SessionUser, filtres: FiltresTerritoire): Promise<Perimetre> {
  const demande: Perimetre = {
    region: filtres.region ?? null,
    departement: filtres.departement ?? null,
    academie: filtres.academie ?? null,
    reseau: null,
  };
  if (isAdministrator(user)) return demande;

  const organisation = await db
    .prepare(
      `SELECT type, reseau, code_region AS codeRegion, code_departement AS codeDepartement, code_academie AS codeAcademie
         FROM organisations WHERE id = ?`,
    )
    .bind(user.organisationId)
    .first<OrganisationCodes>();
  if (!organisation) throw forbidden("Vous n'avez pas accès aux indicateurs territoriaux.");

  if (organisation.type === "RESEAU" && organisation.reseau) return { ...demande, reseau: organisation.reseau };
  if (organisation.type in OPERATEURS) {
    const { filtre, code } = OPERATEURS[organisation.type as keyof typeof OPERATEURS];
    const territoire = organisation[code];
    if (!territoire) throw forbidden("Votre organisation n'a pas de territoire.");
    if (demande[filtre] && demande[filtre] !== territoire)
      throw forbidden("Vous n'avez accès qu'aux indicateurs de votre territoire.");
    return { ...demande, [filtre]: territoire };
  }
  throw forbidden(
    "Les indicateurs territoriaux sont réservés aux réseaux, aux opérateurs publics et aux administrateurs.",
  );
}
