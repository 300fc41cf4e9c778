/**
 * Mon enquête SIFA (SPEC §7): the population at the survey date with the learners whose lines would be incomplete,
 * and the file's lines (the browser builds the CSV or XLSX), the download being logged (SPEC §8).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { database, type Database } from "../data/db";
import { logNominativeAccess } from "../data/downloads-log";
import { populationSifa } from "../data/sifa";
import { anneeScolaireQuery } from "../domain/query-schemas";
import { colonnesManquantes, dateEnqueteSifa, ligneSifa, valeursSifa } from "../domain/sifa";
import { COLONNES_SIFA, type EnqueteSifa, type FichierSifa } from "../domain/sifa-fichier";

/** The survey of the organisme in `c.var.organisme` for `anneeScolaire`: each learner with its line. */
async function enquete(c: Context<AppEnv>, db: Database, anneeScolaire: string) {
  const { scope } = c.var.organisme;
  const dateEnquete = dateEnqueteSifa(anneeScolaire);
  const population = await populationSifa(db, scope, dateEnquete);
  const lignes = population.map((effectif) => ({ effectif, ligne: ligneSifa(effectif, dateEnquete) }));
  return { anneeScolaire, dateEnquete, uai: (await c.var.organisme.fiche()).uai, lignes };
}

export const sifaRoutes = new Hono<AppEnv>()
  /** The survey's state and its incomplete dossiers, with the learners' names: the read is logged. */
  .get("/:id/sifa", validate("query", z.object({ annee: anneeScolaireQuery })), async (c) => {
    requireNominatif(c);
    const user = requireActiveUser(c);
    const db = database(c.env.DB);
    const { anneeScolaire, dateEnquete, uai, lignes } = await enquete(c, db, c.req.valid("query").annee);
    const incomplets = lignes.flatMap(({ effectif, ligne }) => {
      const manquants = colonnesManquantes(ligne);
      if (manquants.length === 0) return [];
      return [
        {
          effectifId: effectif.effectifId,
          nom: effectif.nom,
          prenom: effectif.prenom,
          formation: effectif.formation,
          manquants,
        },
      ];
    });
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: c.var.organisme.id,
      kind: "sifa-incomplets",
      rows: incomplets.length,
    });
    return c.json({ anneeScolaire, dateEnquete, uai, total: lignes.length, incomplets } satisfies EnqueteSifa);
  })
  .get(
    "/:id/sifa/fichier",
    validate(
      "query",
      z.object({
        format: z.enum(["csv", "xlsx"], { error: "Format de fichier inconnu (attendu : csv ou xlsx)." }),
        annee: anneeScolaireQuery,
      }),
    ),
    async (c) => {
      requireNominatif(c);
      const user = requireActiveUser(c);
      const { format, annee } = c.req.valid("query");
      const db = database(c.env.DB);
      const { anneeScolaire, dateEnquete, uai, lignes } = await enquete(c, db, annee);
      await logNominativeAccess(db, {
        userId: user.id,
        organismeId: c.var.organisme.id,
        kind: `sifa-${format}`,
        rows: lignes.length,
      });
      return c.json({
        anneeScolaire,
        dateEnquete,
        uai,
        colonnes: [...COLONNES_SIFA],
        lignes: lignes.map(({ ligne }) => valeursSifa(ligne)),
      } satisfies FichierSifa);
    },
  );
