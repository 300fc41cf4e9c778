/**
 * Mon enquête SIFA (SPEC §7): the population at the survey date with the learners whose lines would be incomplete,
 * and the file's lines (the browser builds the CSV or XLSX), the download being logged (SPEC §8).
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { badRequest } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { visibleScope } from "../lib/organisme-scope";
import { anneeScolaireParam } from "../lib/query-params";
import { logDownload } from "../lib/downloads";
import { populationSifa } from "../lib/sifa-query";
import { colonnesManquantes, dateEnqueteSifa, ligneSifa, valeursSifa } from "../domain/sifa";
import { COLONNES_SIFA, type EnqueteSifa, type FichierSifa } from "../domain/sifa-fichier";

async function enquete(c: Context<AppEnv>) {
  const user = requireActiveUser(c);
  const anneeScolaire = anneeScolaireParam(c.req.query("annee"));
  const id = c.req.param("id")!;
  const scope = await visibleScope(c.env.DB, user, id);
  const dateEnquete = dateEnqueteSifa(anneeScolaire);
  const [population, organisme] = await Promise.all([
    populationSifa(c.env.DB, scope, dateEnquete),
    c.env.DB.prepare("SELECT uai FROM organismes WHERE id = ?").bind(id).first<{ uai: string | null }>(),
  ]);
  const lignes = population.map((effectif) => ({ effectif, ligne: ligneSifa(effectif, dateEnquete) }));
  return { userId: user.id, id, anneeScolaire, dateEnquete, uai: organisme?.uai ?? null, lignes };
}

export const sifaRoutes = new Hono<AppEnv>()
  .get("/:id/sifa", async (c) => {
    const { anneeScolaire, dateEnquete, uai, lignes } = await enquete(c);
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
    return c.json({ anneeScolaire, dateEnquete, uai, total: lignes.length, incomplets } satisfies EnqueteSifa);
  })
  .get("/:id/sifa/fichier", async (c) => {
    const format = c.req.query("format");
    if (format !== "csv" && format !== "xlsx") throw badRequest("Format de fichier inconnu (attendu : csv ou xlsx).");
    const { userId, id, anneeScolaire, dateEnquete, uai, lignes } = await enquete(c);
    await logDownload(c.env.DB, { userId, organismeId: id, kind: `sifa-${format}` });
    return c.json({
      anneeScolaire,
      dateEnquete,
      uai,
      colonnes: [...COLONNES_SIFA],
      lignes: lignes.map(({ ligne }) => valeursSifa(ligne)),
    } satisfies FichierSifa);
  });
