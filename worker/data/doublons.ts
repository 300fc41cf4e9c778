/**
 * Suspected duplicates of an organisme and its formateurs (table `doublons`, filled at ingestion): the pairs still to
 * look at, and their resolution. A pair is listed while it is à traiter, both effectifs still exist and still share
 * their cle_identite (a correction may have told them apart). Cold path: drizzle builders.
 */
import { and, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { doublons, effectifs, organismes } from "../../db/schema";
import type { DossierDoublon, DoublonATraiter } from "../domain/doublons";
import { RAISON_DOUBLON } from "../domain/doublons";
import { statutLabel } from "../domain/labels";
import { statutAt, type ParcoursEntry } from "../domain/parcours";
import type { Database } from "./db";

// One type for both sides of a pair (their alias names are not part of it).
const a = alias(effectifs, "a" as string);
const b = alias(effectifs, "b" as string);
const oa = alias(organismes, "oa" as string);
const ob = alias(organismes, "ob" as string);

/** Pairs à traiter whose two effectifs are both in the scope and still share their key. */
const aTraiter = (scope: string[]) =>
  and(
    eq(doublons.etat, "a_traiter"),
    inArray(doublons.organismeA, scope),
    inArray(doublons.organismeB, scope),
    eq(a.cleIdentite, b.cleIdentite),
  );

const dossierColumns = (e: typeof a, o: typeof oa) => ({
  id: e.id,
  organismeId: e.organismeId,
  organisme: sql<string>`coalesce(${o.enseigne}, ${o.raisonSociale})`,
  source: e.source,
  idErpApprenant: e.idErpApprenant,
  nom: e.nom,
  prenom: e.prenom,
  dateDeNaissance: e.dateDeNaissance,
  formation: e.libelleFormation,
  parcours: e.parcours,
  majLe: e.updatedAt,
});

type Effectif = typeof effectifs.$inferSelect;
type DossierRow = Pick<
  Effectif,
  "id" | "organismeId" | "source" | "idErpApprenant" | "nom" | "prenom" | "dateDeNaissance" | "parcours"
> & {
  organisme: string | null;
  formation: string | null;
  majLe: string;
};

export async function countDoublons(db: Database, scope: string[]): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(doublons)
    .innerJoin(a, eq(a.id, doublons.effectifA))
    .innerJoin(b, eq(b.id, doublons.effectifB))
    .where(aTraiter(scope))
    .get();
  return row?.n ?? 0;
}

export async function listDoublons(
  db: Database,
  scope: string[],
  options: { today: string; offset: number; limit: number; supprimable: (source: string) => boolean },
): Promise<{ total: number; doublons: DoublonATraiter[] }> {
  const [total, rows] = await Promise.all([
    countDoublons(db, scope),
    db
      .select({
        anneeScolaire: doublons.anneeScolaire,
        detecteAt: doublons.detecteAt,
        a: dossierColumns(a, oa),
        b: dossierColumns(b, ob),
      })
      .from(doublons)
      .innerJoin(a, eq(a.id, doublons.effectifA))
      .innerJoin(b, eq(b.id, doublons.effectifB))
      .leftJoin(oa, eq(oa.id, a.organismeId))
      .leftJoin(ob, eq(ob.id, b.organismeId))
      .where(aTraiter(scope))
      .orderBy(desc(doublons.detecteAt), doublons.effectifA, doublons.effectifB)
      .limit(options.limit)
      .offset(options.offset)
      .all(),
  ]);
  const dossier = (row: DossierRow): DossierDoublon => {
    const { parcours, ...rest } = row;
    return {
      ...rest,
      organisme: rest.organisme ?? "",
      statut: statutLabel(statutAt(JSON.parse(parcours) as ParcoursEntry[], options.today)) || null,
      supprimable: options.supprimable(row.source),
    };
  };
  return {
    total,
    doublons: rows.map((row) => ({
      anneeScolaire: row.anneeScolaire,
      detecteAt: row.detecteAt,
      raison: RAISON_DOUBLON,
      a: dossier(row.a as DossierRow),
      b: dossier(row.b as DossierRow),
    })),
  };
}

/** The pair of these two effectifs (in either order) if it is still à traiter in the scope. */
export async function findDoublonATraiter(db: Database, scope: string[], x: string, y: string) {
  const [effectifA, effectifB] = x < y ? [x, y] : [y, x];
  return db
    .select({ effectifA: doublons.effectifA, effectifB: doublons.effectifB })
    .from(doublons)
    .innerJoin(a, eq(a.id, doublons.effectifA))
    .innerJoin(b, eq(b.id, doublons.effectifB))
    .where(and(eq(doublons.effectifA, effectifA), eq(doublons.effectifB, effectifB), aTraiter(scope)))
    .get();
}

/** "Ce n'est pas un doublon": the pair stays, so the ingestion never suggests it again. */
export const marquerPasUnDoublon = (
  db: Database,
  pair: { effectifA: string; effectifB: string },
  par: string,
  at: string,
) =>
  db
    .update(doublons)
    .set({ etat: "pas_un_doublon", resoluAt: at, resoluPar: par })
    .where(and(eq(doublons.effectifA, pair.effectifA), eq(doublons.effectifB, pair.effectifB)));

/** The pairs à traiter of a removed effectif: resolved, each keeping the other one of its pair. */
export const resoudreDoublonsDe = (db: Database, effectifId: string, resolution: { par: string; at: string }) =>
  db
    .update(doublons)
    .set({
      etat: "resolu",
      resoluAt: resolution.at,
      resoluPar: resolution.par,
      conserve: sql`CASE WHEN ${doublons.effectifA} = ${effectifId} THEN ${doublons.effectifB} ELSE ${doublons.effectifA} END`,
    })
    .where(
      and(eq(doublons.etat, "a_traiter"), or(eq(doublons.effectifA, effectifId), eq(doublons.effectifB, effectifId))),
    );
