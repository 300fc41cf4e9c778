/** The référentiel as the sign-up reads it: organismes by UAI or SIRET, the territories and réseaux that exist. */
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { organisations, organismes, reseauMembres } from "../../db/schema";
import type { Database } from "./db";

const MAX_RESULTS = 20;

/** The organismes of an UAI, a SIRET or both (at most 20, by raison sociale). */
export const findOrganismesByIdentifiants = (db: Database, { uai, siret }: { uai?: string; siret?: string }) =>
  db
    .select({
      id: organismes.id,
      uai: organismes.uai,
      siret: organismes.siret,
      raisonSociale: organismes.raisonSociale,
      enseigne: organismes.enseigne,
      nature: organismes.nature,
      adresse: organismes.adresse,
      codePostal: organismes.codePostal,
      commune: organismes.commune,
      departement: organismes.departement,
      region: organismes.region,
      ferme: organismes.ferme,
      referentiel: organismes.referentiel,
    })
    .from(organismes)
    .where(
      and(
        uai === undefined ? undefined : eq(organismes.uai, uai),
        siret === undefined ? undefined : eq(organismes.siret, siret),
      ),
    )
    .orderBy(asc(organismes.raisonSociale))
    .limit(MAX_RESULTS)
    .all();

/** What the sign-up of an OFA needs of its organisme. */
export const findOrganismeNom = (db: Database, id: string) =>
  db
    .select({ id: organismes.id, raisonSociale: organismes.raisonSociale, enseigne: organismes.enseigne })
    .from(organismes)
    .where(eq(organismes.id, id))
    .get();

export type TerritoireColumn = "region" | "departement" | "academie";

/** Whether some organisme is in the territory (`code` of a région, département or académie). */
export const territoireHasOrganismes = async (db: Database, column: TerritoireColumn, code: string) =>
  (await db
    .select({ ok: sql`1` })
    .from(organismes)
    .where(eq(organismes[column], code))
    .limit(1)
    .get()) !== undefined;

/** The codes of the régions, départements and académies that have organismes, in one batch. */
export async function territoiresCodes(db: Database) {
  const distinct = (column: TerritoireColumn) =>
    db
      .selectDistinct({ code: sql<string>`${organismes[column]}` })
      .from(organismes)
      .where(and(isNotNull(organismes[column]), ne(organismes[column], "")))
      .orderBy(asc(organismes[column]));
  const [regions, departements, academies] = await db.batch([
    distinct("region"),
    distinct("departement"),
    distinct("academie"),
  ]);
  return { regions, departements, academies };
}

/** The réseaux already known: members of a réseau, or organisations of réseau users. */
export async function reseauxConnus(db: Database): Promise<string[]> {
  const rows = await db
    .select({ reseau: reseauMembres.reseau })
    .from(reseauMembres)
    .union(
      db
        .select({ reseau: sql<string>`${organisations.reseau}` })
        .from(organisations)
        .where(and(eq(organisations.type, "RESEAU"), isNotNull(organisations.reseau))),
    )
    .orderBy(sql`1`)
    .all();
  return rows.map((r) => r.reseau);
}
