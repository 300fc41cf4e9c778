/** Organisations: what a user belongs to (an OFA's organisme, a réseau, a territory, the administration). */
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { organisations } from "../../db/schema";
import type { Database } from "./db";

export type Organisation = typeof organisations.$inferSelect;

/** What tells one organisation from another: its type and the one thing it stands for. */
export type OrganisationKey = Pick<
  Organisation,
  "type" | "organismeId" | "reseau" | "codeRegion" | "codeDepartement" | "codeAcademie" | "missionLocaleId"
>;

/** `column IS value`: equality where NULL equals NULL. */
const sameAs = (column: SQLiteColumn, value: string | null): SQL =>
  value === null ? isNull(column) : eq(column, value);

/** The oldest organisation of `key`, if any. */
export const findOrganisation = (db: Database, key: OrganisationKey) =>
  db
    .select({ id: organisations.id, label: organisations.label })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, key.type),
        sameAs(organisations.organismeId, key.organismeId),
        sameAs(organisations.reseau, key.reseau),
        sameAs(organisations.codeRegion, key.codeRegion),
        sameAs(organisations.codeDepartement, key.codeDepartement),
        sameAs(organisations.codeAcademie, key.codeAcademie),
        sameAs(organisations.missionLocaleId, key.missionLocaleId),
      ),
    )
    .orderBy(asc(organisations.createdAt))
    .limit(1)
    .get();

/**
 * Inserts the organisation unless a unique index refuses it (an organisme has one organisation: a simultaneous
 * sign-up that created it first wins); true when this call created it.
 */
export async function insertOrganisationIfAbsent(db: Database, organisation: Organisation): Promise<boolean> {
  const result = await db.insert(organisations).values(organisation).onConflictDoNothing().run();
  return result.meta.changes > 0;
}
