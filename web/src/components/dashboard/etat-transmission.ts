import type { Indicateurs } from "../../../../worker/domain/indicators";
import type { OrganismeFiche } from "../../../../worker/domain/organisme-fiche";

export type EtatTransmission =
  | { etat: "non-transmis" }
  | { etat: "en-attente"; dossiers: number }
  | { etat: "non-parametre"; depuis: string }
  | { etat: "transmet"; depuis: string };

/**
 * What the card's tag says. `lastTransmissionAt` alone would mislead: a push held before "Je confirme" sets it
 * though nothing was applied, and after a reset or a refusal the ERP's key no longer works.
 */
export function etatTransmission(o: OrganismeFiche): EtatTransmission {
  if (o.dossiersEnAttente > 0) return { etat: "en-attente", dossiers: o.dossiersEnAttente };
  if (!o.lastTransmissionAt) return { etat: "non-transmis" };
  // An ERP's pushes count only once its connection is confirmed (configuredAt); a file import needs no setting.
  if (o.derniereTransmission?.source === "erp" && !o.configuredAt)
    return { etat: "non-parametre", depuis: o.lastTransmissionAt };
  return { etat: "transmet", depuis: o.lastTransmissionAt };
}

export const dossiersRecus = (n: number) =>
  `${n} dossier${n > 1 ? "s" : ""} reçu${n > 1 ? "s" : ""} attend${n > 1 ? "ent" : ""} votre confirmation`;

/** The seed's "Les indicateurs sont nuls car…": nothing counted, because nothing is transmitted (yet, or any more). */
export function indicateursNuls(o: OrganismeFiche, indicateurs: Indicateurs): boolean {
  const etat = etatTransmission(o).etat;
  return etat === "non-transmis" || (etat !== "transmet" && Object.values(indicateurs).every((n) => n === 0));
}
