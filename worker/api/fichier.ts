/**
 * "Ajouter via fichier Excel" (SPEC §7): the browser parses the file into dossiers; here they are checked (dry run,
 * nothing written) or imported through the same pipeline as the ERP API.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { MAX_DOSSIERS_PAR_REQUETE } from "../domain/dossier";
import { badRequest, notFound } from "../lib/errors";
import { requireActiveUser } from "../lib/session";
import { assertCanConfigureOrganisme } from "../lib/permissions";
import { checkDossiers, ingestDossiers } from "../ingestion/push";
import { readBody } from "./dossiers-apprenants";

/** Only the organisme's own users or an administrator may write its effectifs from a file; the organisme must exist. */
async function authorise(c: Context<AppEnv>): Promise<string> {
  const user = requireActiveUser(c);
  const id = c.req.param("id")!;
  assertCanConfigureOrganisme(user, id);
  const found = await c.env.DB.prepare("SELECT 1 FROM organismes WHERE id = ?").bind(id).first();
  if (!found) throw notFound("Organisme introuvable.");
  return id;
}

/** `{ dossiers: [...] }`, at most 2000 dossiers, the body at most 10 Mo (checked while reading). */
async function readDossiers(c: Context<AppEnv>): Promise<unknown[]> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(c.req.raw));
  } catch (error) {
    if (error instanceof SyntaxError) throw badRequest("Le corps de la requête n'est pas un JSON valide.");
    throw error;
  }
  const dossiers = (body as { dossiers?: unknown } | null)?.dossiers;
  if (!Array.isArray(dossiers)) throw badRequest("La liste des lignes du fichier (dossiers) est attendue.");
  if (dossiers.length === 0) throw badRequest("Le fichier ne contient aucune ligne.");
  if (dossiers.length > MAX_DOSSIERS_PAR_REQUETE) {
    throw badRequest(`Le fichier contient ${dossiers.length} lignes : ${MAX_DOSSIERS_PAR_REQUETE} lignes au maximum.`);
  }
  return dossiers;
}

export const fichierRoutes = new Hono<AppEnv>()
  /** Dry run: every error of every row, nothing written. */
  .post("/:id/fichier/verification", async (c) => {
    const id = await authorise(c);
    const erreurs = await checkDossiers(c.env, await readDossiers(c), id);
    return c.json({
      total: erreurs.length,
      valides: erreurs.filter((e) => e.length === 0).length,
      items: erreurs.map((validation_errors) => ({ validation_errors })),
    });
  })
  /** Import: the ERP pipeline (validation, scope, atomic upsert, transmission record, live notification). */
  .post("/:id/fichier/import", async (c) => {
    const id = await authorise(c);
    const result = await ingestDossiers(c.env, await readDossiers(c), {
      organismeId: id,
      apiKeyId: null,
      source: "fichier",
      hold: false,
    });
    return c.json(result);
  });
