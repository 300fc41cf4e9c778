/**
 * "Organisme fiable" (SPEC §2): its (UAI, SIRET) couple is in the référentiel and its SIRET is not closed.
 * The reason is shown next to the fiabilité tag, so it is a full French sentence.
 */
export function computeFiabilite(organisme: { referentiel: boolean; ferme: boolean }): {
  fiable: boolean;
  raison: string;
} {
  if (organisme.referentiel && !organisme.ferme) {
    return { fiable: true, raison: "Le couple UAI SIRET est présent dans le référentiel" };
  }
  if (!organisme.referentiel && organisme.ferme) {
    return { fiable: false, raison: "Le couple UAI SIRET n'est pas présent dans le référentiel et le SIRET est fermé" };
  }
  if (!organisme.referentiel) {
    return { fiable: false, raison: "Le couple UAI SIRET n'est pas présent dans le référentiel" };
  }
  return { fiable: false, raison: "Le SIRET de l'organisme est fermé" };
}
