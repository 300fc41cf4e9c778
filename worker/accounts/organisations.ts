import type { Database } from "../data/db";
import { findOrganisation, insertOrganisationIfAbsent, type OrganisationKey } from "../data/organisations";
import { findOrganismeNom, territoireHasOrganismes } from "../data/referentiel";
import { findMissionLocale, regionHasMissionsLocales } from "../data/missions-locales";
import { labelOperateurPublic, REGIONS } from "../domain/territoires";
import { badRequest } from "../lib/errors";

export type Categorie = "ORGANISME_FORMATION" | "RESEAU" | "DREETS" | "DDETS" | "ACADEMIE" | "MISSION_LOCALE" | "ARML";

export interface OrganisationRequest {
  categorie: Categorie;
  organismeId?: string;
  missionLocaleId?: string;
  reseau?: string;
  codeTerritoire?: string;
}

type Description = OrganisationKey & { type: Categorie; label: string };

const TERRITORY_COLUMN = { DREETS: "region", DDETS: "departement", ACADEMIE: "academie" } as const;

/** Checks what the sign-up names (organisme exists, territory has organismes) and describes its organisation. */
async function describe(db: Database, request: OrganisationRequest): Promise<Description> {
  const base = {
    organismeId: null,
    reseau: null,
    codeRegion: null,
    codeDepartement: null,
    codeAcademie: null,
    missionLocaleId: null,
  };
  switch (request.categorie) {
    case "ORGANISME_FORMATION": {
      if (!request.organismeId) throw badRequest("Sélectionnez votre organisme.");
      const organisme = await findOrganismeNom(db, request.organismeId);
      if (!organisme) throw badRequest("Aucun organisme trouvé");
      return {
        ...base,
        type: "ORGANISME_FORMATION",
        label: organisme.enseigne || organisme.raisonSociale,
        organismeId: organisme.id,
      };
    }
    case "RESEAU": {
      const reseau = request.reseau?.trim().toUpperCase();
      if (!reseau) throw badRequest("Indiquez le nom de votre réseau.");
      return { ...base, type: "RESEAU", label: `Réseau ${reseau}`, reseau };
    }
    case "MISSION_LOCALE": {
      if (!request.missionLocaleId) throw badRequest("Sélectionnez votre Mission Locale.");
      const missionLocale = await findMissionLocale(db, request.missionLocaleId);
      if (!missionLocale) throw badRequest("Aucune Mission Locale trouvée");
      return { ...base, type: "MISSION_LOCALE", label: missionLocale.nom, missionLocaleId: missionLocale.id };
    }
    case "ARML": {
      const code = request.codeTerritoire?.trim();
      if (!code) throw badRequest("Sélectionnez votre région.");
      if (!(await regionHasMissionsLocales(db, code))) throw badRequest("Aucune Mission Locale dans cette région.");
      return { ...base, type: "ARML", label: `ARML ${REGIONS[code] ?? code}`, codeRegion: code };
    }
    default: {
      const code = request.codeTerritoire?.trim();
      if (!code) throw badRequest("Sélectionnez votre territoire.");
      if (!(await territoireHasOrganismes(db, TERRITORY_COLUMN[request.categorie], code)))
        throw badRequest("Ce territoire est inconnu.");
      const label = labelOperateurPublic(request.categorie, code);
      if (request.categorie === "DREETS") return { ...base, type: "DREETS", label, codeRegion: code };
      if (request.categorie === "DDETS") return { ...base, type: "DDETS", label, codeDepartement: code };
      return { ...base, type: "ACADEMIE", label, codeAcademie: code };
    }
  }
}

/** The organisation of the sign-up's category: reused when it already exists, else created. */
export async function findOrCreateOrganisation(
  db: Database,
  request: OrganisationRequest,
): Promise<{ id: string; label: string; organismeId: string | null }> {
  const description = await describe(db, request);
  const existing = await findOrganisation(db, description);
  if (existing) return { ...existing, organismeId: description.organismeId };
  const id = crypto.randomUUID();
  // An organisme has one organisation (unique index); a simultaneous sign-up that created it first wins.
  if (await insertOrganisationIfAbsent(db, { ...description, id, createdAt: new Date().toISOString() }))
    return { id, label: description.label, organismeId: description.organismeId };
  const winner = await findOrganisation(db, description);
  if (!winner) throw new Error(`Organisation of organisme ${description.organismeId} neither inserted nor found`);
  return { ...winner, organismeId: description.organismeId };
}
