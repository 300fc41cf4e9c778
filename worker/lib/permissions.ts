import type { Context } from "hono";
import type { AppEnv, SessionUser } from "../env";
import { requireActiveUser } from "./session";
import { forbidden } from "./errors";
import { isAdministrator } from "../domain/administrateur";
import type { Database } from "../data/db";
import { territoireOf, type FiltresTerritoire } from "../data/perimetres";
import type { Perimetre } from "../domain/indicateurs-territoire";
import { ORGANISATIONS_TERRITORIALES } from "../domain/perimetre-organismes";

/**
 * The organismes whose nominative data a user may see (SPEC §8): an OFA sees itself and its formateurs (read with
 * the session), an administrator everything (null = no restriction).
 */
export function nominativeScope(user: SessionUser): string[] | null {
  if (isAdministrator(user)) return null;
  if (user.organisationType !== "ORGANISME_FORMATION" || !user.organismeId) return [];
  return [user.organismeId, ...user.formateurIds.filter((id) => id !== user.organismeId)];
}

/**
 * What a user may see of an organisme: everything ("nominatif": an OFA itself and its formateurs, an administrator
 * any), its figures without any learner ("perimetre": a réseau or an opérateur public, when its perimeter names
 * the organisme — for the caller to check), or nothing (null).
 */
export function canSeeOrganisme(user: SessionUser, organismeId: string): "nominatif" | "perimetre" | null {
  if (user.status !== "active") return null;
  const scope = nominativeScope(user);
  if (scope === null || scope.includes(organismeId)) return "nominatif";
  return ORGANISATIONS_TERRITORIALES.includes(user.organisationType) ? "perimetre" : null;
}

const OPERATEURS = {
  DREETS: { filtre: "region", code: "codeRegion" },
  DDETS: { filtre: "departement", code: "codeDepartement" },
  ACADEMIE: { filtre: "academie", code: "codeAcademie" },
} as const;

/**
 * Which organismes a user's territorial indicators may cover (SPEC §8): an administrator anything, a DREETS its
 * région, a DDETS its département, an académie its académie, a réseau its members; an OFA has no territorial view.
 * The filters asked for only narrow that perimeter; asking for another territory than one's own is refused.
 */
export async function perimetreOf(db: Database, user: SessionUser, filtres: FiltresTerritoire): Promise<Perimetre> {
  const demande: Perimetre = {
    region: filtres.region ?? null,
    departement: filtres.departement ?? null,
    academie: filtres.academie ?? null,
    reseau: null,
  };
  if (isAdministrator(user)) return demande;

  const organisation = await territoireOf(db, user.organisationId);
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

/** An active administrator of the service, or a 401/403 (before anything is read). */
export function requireAdministrator(c: Context<AppEnv>): SessionUser {
  const user = requireActiveUser(c);
  if (!isAdministrator(user)) throw forbidden("Cette page est réservée aux administrateurs du service.");
  return user;
}
