/**
 * Which nominative lists of a perimeter a user may open (SPEC §8): the opérateurs publics (DREETS, DDETS,
 * académie) and the "responsable" réseaux those of the jeunes sans contrat, the rupturants and the sorties of the
 * organismes their perimeter counts; the administrators every list; any other réseau none (indicators only).
 */
import type { SessionUser } from "../env";
import type { Database } from "../data/db";
import { INDICATEURS } from "../data/indicateurs-liste";
import { isReseauResponsable } from "../data/indicateurs-perimetre-liste";
import { isAdministrator } from "../domain/administrateur";
import type { Perimetre } from "../domain/indicateurs-territoire";
import type { Indicateur } from "../domain/indicators";
import { forbidden } from "./errors";

const LISTES_TERRITORIALES: Indicateur[] = ["inscrits", "rupturants", "abandons"];
const OPERATEURS_PUBLICS = ["DREETS", "DDETS", "ACADEMIE"];

/** The rule itself, given whether the user's réseau (if any) is responsable. */
export function listesPermises(user: SessionUser, reseauResponsable: boolean): Indicateur[] {
  if (isAdministrator(user)) return INDICATEURS;
  if (OPERATEURS_PUBLICS.includes(user.organisationType)) return LISTES_TERRITORIALES;
  if (user.organisationType === "RESEAU" && reseauResponsable) return LISTES_TERRITORIALES;
  return [];
}

/** The lists the user may open on `perimetre` (what `perimetreOf` gave them): reads reseaux_responsables for a réseau. */
export async function listesNominativesOf(
  db: Database,
  user: SessionUser,
  perimetre: Perimetre,
): Promise<Indicateur[]> {
  const responsable =
    perimetre.reseau !== null &&
    user.organisationType === "RESEAU" &&
    (await isReseauResponsable(db, perimetre.reseau));
  return listesPermises(user, responsable);
}

/** A French 403 unless `indicateur` is one of `listes`. */
export function requireListe(listes: Indicateur[], indicateur: Indicateur): void {
  if (listes.includes(indicateur)) return;
  throw forbidden(
    listes.length === 0
      ? "Les listes nominatives sont réservées aux opérateurs publics, aux réseaux responsables et aux administrateurs."
      : "Sur votre périmètre, seules les listes des jeunes sans contrat, des rupturants et des sorties d'apprentissage sont accessibles.",
  );
}
