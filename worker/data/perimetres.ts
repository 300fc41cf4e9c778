/** The territories of the territorial indicators: a perimeter, and the territory an organisation belongs to. */
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import type { Database } from "./db";

export type FiltresTerritoire = Partial<Record<"region" | "departement" | "academie", string>>;

export type TerritoireOrganisation = Pick<
  typeof organisations.$inferSelect,
  "type" | "reseau" | "codeRegion" | "codeDepartement" | "codeAcademie"
>;

/** The type, réseau and territory codes of an organisation; undefined when it does not exist. */
export const territoireOf = (db: Database, organisationId: string): Promise<TerritoireOrganisation | undefined> =>
  db
    .select({
      type: organisations.type,
      reseau: organisations.reseau,
      codeRegion: organisations.codeRegion,
      codeDepartement: organisations.codeDepartement,
      codeAcademie: organisations.codeAcademie,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
