/** How the administration names an organisation beyond its label: UAI/SIRET, territory, réseau, Mission Locale. */
import type { OrganisationDetail } from "../../../../worker/domain/administration";
import { ACADEMIES, DEPARTEMENTS, REGIONS } from "../../../../worker/domain/territoires";

export function detailOrganisation(o: Omit<OrganisationDetail, "organisationLabel">): string {
  const parts: string[] = [];
  if (o.uai || o.siret) parts.push(`UAI ${o.uai ?? "inconnu"} · SIRET ${o.siret ?? "inconnu"}`);
  if (o.reseau) parts.push(`Réseau ${o.reseau}`);
  if (o.missionLocale) parts.push(`Mission Locale ${o.missionLocale}`);
  if (o.codeRegion) parts.push(`Région ${REGIONS[o.codeRegion] ?? o.codeRegion}`);
  if (o.codeDepartement)
    parts.push(`Département ${DEPARTEMENTS[o.codeDepartement] ?? o.codeDepartement} (${o.codeDepartement})`);
  if (o.codeAcademie) parts.push(`Académie ${ACADEMIES[o.codeAcademie] ?? o.codeAcademie}`);
  return parts.join(" · ");
}

export const ORGANISATION_TYPES: Record<string, string> = {
  ORGANISME_FORMATION: "Organisme de formation",
  RESEAU: "Réseau",
  DREETS: "DREETS",
  DDETS: "DDETS",
  ACADEMIE: "Académie",
  MISSION_LOCALE: "Mission Locale",
  ARML: "ARML",
  ADMINISTRATEUR: "Administration",
};

export const pourcentage = (part: number | null) =>
  part === null ? "" : `${(part * 100).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`;
