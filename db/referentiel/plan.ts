import type { NormalisedLine, OrganismeImport, RejectedLine } from "./normalise";
import { coupleKey, type Couple, type OrganismeReferentiel } from "./organisme";

export interface Relation {
  responsable: Couple;
  formateur: Couple;
}

export interface ImportPlan {
  creations: OrganismeImport[];
  updates: OrganismeImport[];
  unchanged: number;
  rejected: RejectedLine[];
  relations: Relation[];
  warnings: { position: string; message: string }[];
}

const COMPARED_FIELDS = [
  "raisonSociale",
  "enseigne",
  "nature",
  "adresse",
  "codePostal",
  "commune",
  "departement",
  "region",
  "academie",
  "ferme",
] as const;

/**
 * Sorts the validated lines against what local D1 already holds (keyed by `coupleKey`): new couples are created,
 * known ones updated only when a given value differs (an empty value never erases), the rest left unchanged.
 * A couple repeated in the file is rejected after its first line; a formateur unknown both to the file and to the
 * base cannot be linked, which is a warning, not a rejection.
 */
export function planImport(lines: NormalisedLine[], existing: ReadonlyMap<string, OrganismeReferentiel>): ImportPlan {
  const plan: ImportPlan = { creations: [], updates: [], unchanged: 0, rejected: [], relations: [], warnings: [] };
  const firstSeen = new Map<string, string>();
  const pendingRelations: { position: string; relation: Relation }[] = [];

  for (const line of lines) {
    if (!line.ok) {
      plan.rejected.push({ position: line.position, reasons: line.reasons });
      continue;
    }
    const key = coupleKey(line.organisme);
    const first = firstSeen.get(key);
    if (first !== undefined) {
      plan.rejected.push({ position: line.position, reasons: [`Couple UAI/SIRET déjà présent (${first})`] });
      continue;
    }
    firstSeen.set(key, line.position);
    const stored = existing.get(key);
    if (!stored) plan.creations.push(line.organisme);
    else if (differs(line.organisme, stored)) plan.updates.push(line.organisme);
    else plan.unchanged++;
    for (const formateur of line.formateurs) {
      pendingRelations.push({ position: line.position, relation: { responsable: line.organisme, formateur } });
    }
  }

  for (const { position, relation } of pendingRelations) {
    const key = coupleKey(relation.formateur);
    if (firstSeen.has(key) || existing.has(key)) plan.relations.push(relation);
    else
      plan.warnings.push({
        position,
        message: `Formateur ${relation.formateur.uai} / ${relation.formateur.siret} absent du référentiel : relation ignorée`,
      });
  }
  return plan;
}

function differs(organisme: OrganismeImport, stored: OrganismeReferentiel): boolean {
  if (!stored.referentiel) return true;
  return COMPARED_FIELDS.some((field) => organisme[field] !== null && organisme[field] !== stored[field]);
}
