import { labelOperateurPublic } from "../domain/territoires";
import { badRequest } from "../lib/errors";

export type Categorie = "ORGANISME_FORMATION" | "RESEAU" | "DREETS" | "DDETS" | "ACADEMIE";

export interface OrganisationRequest {
  categorie: Categorie;
  organismeId?: string;
  reseau?: string;
  codeTerritoire?: string;
}

interface OrganisationKey {
  type: Categorie;
  label: string;
  organismeId: string | null;
  reseau: string | null;
  codeRegion: string | null;
  codeDepartement: string | null;
  codeAcademie: string | null;
}

const TERRITORY_COLUMN = { DREETS: "region", DDETS: "departement", ACADEMIE: "academie" } as const;

/** Checks what the sign-up names (organisme exists, territory has organismes) and describes its organisation. */
async function describe(db: D1Database, request: OrganisationRequest): Promise<OrganisationKey> {
  const base = { organismeId: null, reseau: null, codeRegion: null, codeDepartement: null, codeAcademie: null };
  switch (request.categorie) {
    case "ORGANISME_FORMATION": {
      if (!request.organismeId) throw badRequest("Sélectionnez votre organisme.");
      const organisme = await db
        .prepare("SELECT id, raison_sociale, enseigne FROM organismes WHERE id = ?")
        .bind(request.organismeId)
        .first<{ id: string; raison_sociale: string; enseigne: string | null }>();
      if (!organisme) throw badRequest("Aucun organisme trouvé");
      return {
        ...base,
        type: "ORGANISME_FORMATION",
        label: organisme.enseigne || organisme.raison_sociale,
        organismeId: organisme.id,
      };
    }
    case "RESEAU": {
      const reseau = request.reseau?.trim().toUpperCase();
      if (!reseau) throw badRequest("Indiquez le nom de votre réseau.");
      return { ...base, type: "RESEAU", label: `Réseau ${reseau}`, reseau };
    }
    default: {
      const code = request.codeTerritoire?.trim();
      if (!code) throw badRequest("Sélectionnez votre territoire.");
      const column = TERRITORY_COLUMN[request.categorie];
      const known = await db.prepare(`SELECT 1 AS ok FROM organismes WHERE ${column} = ? LIMIT 1`).bind(code).first();
      if (!known) throw badRequest("Ce territoire est inconnu.");
      const label = labelOperateurPublic(request.categorie, code);
      if (request.categorie === "DREETS") return { ...base, type: "DREETS", label, codeRegion: code };
      if (request.categorie === "DDETS") return { ...base, type: "DDETS", label, codeDepartement: code };
      return { ...base, type: "ACADEMIE", label, codeAcademie: code };
    }
  }
}

const findExisting = (db: D1Database, key: OrganisationKey) =>
  db
    .prepare(
      `SELECT id, label FROM organisations WHERE type = ? AND organisme_id IS ? AND reseau IS ? AND code_region IS ?
          AND code_departement IS ? AND code_academie IS ? ORDER BY created_at LIMIT 1`,
    )
    .bind(key.type, key.organismeId, key.reseau, key.codeRegion, key.codeDepartement, key.codeAcademie)
    .first<{ id: string; label: string }>();

/** The organisation of the sign-up's category: reused when it already exists, else created. */
export async function findOrCreateOrganisation(
  db: D1Database,
  request: OrganisationRequest,
): Promise<{ id: string; label: string; organismeId: string | null }> {
  const key = await describe(db, request);
  const existing = await findExisting(db, key);
  if (existing) return { ...existing, organismeId: key.organismeId };
  const id = crypto.randomUUID();
  // OR IGNORE: an organisme has one organisation (unique index); a simultaneous sign-up that created it first wins.
  const inserted = await db
    .prepare(
      `INSERT OR IGNORE INTO organisations (id, type, label, organisme_id, reseau, code_region, code_departement, code_academie, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      id,
      key.type,
      key.label,
      key.organismeId,
      key.reseau,
      key.codeRegion,
      key.codeDepartement,
      key.codeAcademie,
      new Date().toISOString(),
    )
    .run();
  if (inserted.meta.changes > 0) return { id, label: key.label, organismeId: key.organismeId };
  const winner = await findExisting(db, key);
  if (!winner) throw new Error(`Organisation of organisme ${key.organismeId} neither inserted nor found`);
  return { ...winner, organismeId: key.organismeId };
}
