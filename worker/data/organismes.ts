/** The référentiel's organismes, as the API reads them one at a time. */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { organismeRelations, organismes } from "../../db/schema";
import type { Database } from "./db";

export type Organisme = typeof organismes.$inferSelect;

export const findOrganisme = (db: Database, id: string) =>
  db.select().from(organismes).where(eq(organismes.id, id)).get();

/** An organisme and its formateurs (SPEC §6: what its indicators, lists and transmissions include), in one query. */
export async function findOrganismeEtFormateurs(
  db: Database,
  id: string,
): Promise<{ organisme: Organisme; formateurIds: string[] } | null> {
  const row = await db
    .select({
      organisme: organismes,
      formateurIds: sql<string>`(SELECT json_group_array(${organismeRelations.formateurId}) FROM ${organismeRelations}
        WHERE ${organismeRelations.responsableId} = ${organismes.id})`,
    })
    .from(organismes)
    .where(eq(organismes.id, id))
    .get();
  if (!row) return null;
  const formateurIds = (JSON.parse(row.formateurIds) as string[]).filter((f) => f !== id);
  return { organisme: row.organisme, formateurIds };
}

/** The transmission settings of an organisme (the Paramètres page's steps). */
export type TransmissionSettings = Pick<
  Organisme,
  "erp" | "erpAutre" | "modeTransmission" | "configuredAt" | "configuredBy"
>;

/** Sets the organisme's transmission settings; returns the updated organisme (`.returning()`, also in a batch). */
export const updateTransmissionSettings = (
  db: Database,
  id: string,
  settings: Partial<TransmissionSettings>,
  at: string,
) =>
  db
    .update(organismes)
    .set({ ...settings, updatedAt: at })
    .where(eq(organismes.id, id))
    .returning();

/** The connection was confirmed by `by`: the organisme transmits by its ERP's key. */
export const markConfiguredByApi = (db: Database, id: string, by: string, at: string) =>
  updateTransmissionSettings(db, id, { modeTransmission: "api", configuredAt: at, configuredBy: by }, at);

/** The key flow ended without confirmation (refused, key revoked): the ERP choice stays, unconfigured. */
export const clearConfigured = (db: Database, id: string, at: string) =>
  updateTransmissionSettings(db, id, { configuredAt: null, configuredBy: null }, at);

/** "Réinitialiser ma configuration": no ERP chosen, nothing configured. */
export const clearTransmissionSettings = (db: Database, id: string, at: string) =>
  updateTransmissionSettings(
    db,
    id,
    { erp: null, erpAutre: null, modeTransmission: null, configuredAt: null, configuredBy: null },
    at,
  );

/** Whether (and by whom) the organisme's transmission was configured: how the hub bootstraps its state. */
export const findConfiguration = (db: Database, id: string) =>
  db
    .select({ configuredAt: organismes.configuredAt, configuredBy: organismes.configuredBy })
    .from(organismes)
    .where(eq(organismes.id, id))
    .get();

/**
 * What `GET /api/v3/organisme` tells an ERP about its key's organisme (snake_case, the ERP API's wire format):
 * its identifiers and those of its formateurs, in one round trip.
 */
export async function findErpOrganisme(db: Database, id: string) {
  const identifiants = { uai: organismes.uai, siret: organismes.siret, raison_sociale: organismes.raisonSociale };
  const [[organisme], formateurs] = await db.batch([
    db
      .select({ ...identifiants, nature: organismes.nature })
      .from(organismes)
      .where(eq(organismes.id, id)),
    db
      .select(identifiants)
      .from(organismeRelations)
      .innerJoin(organismes, eq(organismes.id, organismeRelations.formateurId))
      .where(and(eq(organismeRelations.responsableId, id), ne(organismes.id, id))),
  ]);
  return organisme ? { ...organisme, formateurs } : null;
}

/** The organismes of a scope, by name (the filter "Organisme formateur" of Mes effectifs). */
export const organismesDuPerimetre = (db: Database, ids: string[]) =>
  db
    .select({
      id: organismes.id,
      nom: sql<string>`coalesce(${organismes.enseigne}, ${organismes.raisonSociale})`,
      uai: organismes.uai,
      siret: organismes.siret,
    })
    .from(organismes)
    .where(inArray(organismes.id, ids))
    .all();
