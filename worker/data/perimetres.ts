/**
 * Which organismes a user's territorial indicators may cover (SPEC §8): an administrator anything, a DREETS its
 * région, a DDETS its département, an académie its académie, a réseau its members; an OFA has no territorial view.
 * The filters asked for only narrow that perimeter; asking for another territory than one's own is refused.
 */
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import type { SessionUser } from "../env";
import { isAdministrator } from "../domain/administrateur";
import { forbidden } from "../lib/errors";
import type { Database } from "./db";

export interface Perimetre {
  region: string | null;
  departement: string | null;
  academie: string | null;
  /** only the members of this réseau (reseau_membres) */
  reseau: string | null;
}

export type FiltresTerritoire = Partial<Record<"region" | "departement" | "academie", string>>;

const OPERATEURS = {
  DREETS: { filtre: "region", code: "codeRegion" },
  DDETS: { filtre: "departement", code: "codeDepartement" },
  ACADEMIE: { filtre: "academie", code: "codeAcademie" },
} as const;

export async function perimetreOf(db: Database, user: SessionUser, filtres: FiltresTerritoire): Promise<Perimetre> {
  const demande: Perimetre = {
    region: filtres.region ?? null,
    departement: filtres.departement ?? null,
    academie: filtres.academie ?? null,
    reseau: null,
  };
  if (isAdministrator(user)) return demande;

  const organisation = await db
    .select({
      type: organisations.type,
      reseau: organisations.reseau,
      codeRegion: organisations.codeRegion,
      codeDepartement: organisations.codeDepartement,
      codeAcademie: organisations.codeAcademie,
    })
    .from(organisations)
    .where(eq(organisations.id, user.organisationId))
    .get();
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
