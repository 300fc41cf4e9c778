/**
 * The ERPs of the run: most on an organisme of their own, and a few on ONE organisme with the SAME learners (one
 * ERP running several workers with the same key), so that their pushes race on the same records.
 */
import { generateDossiers } from "../demo/dossiers";
import type { Erp } from "./erp";
import type { OrganismeCharge } from "./organismes";
import type { Plan } from "./options";

export function erpFleet(
  [shared, ...solo]: OrganismeCharge[],
  plan: Plan,
  dates: { anneeScolaire: string; today: string },
): Erp[] {
  const apprenants = ({ organisme }: OrganismeCharge, count: number, seed: number) =>
    generateDossiers({
      count,
      seed,
      anneeScolaire: dates.anneeScolaire,
      formateur: organisme,
      responsable: organisme,
      invalidRatio: 0,
      asOf: dates.today,
    });
  const sharedApprenants = apprenants(shared, plan.sharedApprenants, 500);
  return [
    ...solo.slice(0, plan.soloErps).map((o, i) => ({
      nom: `erp${i + 1}`,
      cle: o.cle,
      organisme: o.organisme,
      apprenants: apprenants(o, plan.soloApprenants, 501 + i),
    })),
    ...Array.from({ length: plan.sharedErps }, (_, i) => ({
      nom: `erp${plan.soloErps + i + 1}-commun`,
      cle: shared.cle,
      organisme: shared.organisme,
      apprenants: sharedApprenants,
    })),
  ];
}
