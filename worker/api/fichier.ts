/**
 * "Ajouter via fichier Excel" (SPEC §7): the browser parses the file into dossiers; here they are checked (dry run,
 * nothing written) or imported through the same pipeline as the ERP API. Only the organisme's own users or an
 * administrator may write its effectifs from a file; the body is limited by the API's global body limit (10 Mo).
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../env";
import { MAX_DOSSIERS_PAR_REQUETE } from "../domain/dossier";
import type { PushResult, VerificationFichier } from "../domain/resultat-transmission";
import { requireConfiguration } from "../lib/organisme-access";
import { validate } from "../lib/validate";
import { checkDossiers, ingestDossiers } from "../ingestion/push";

const LISTE_ATTENDUE = "La liste des lignes du fichier (dossiers) est attendue.";

/** `{ dossiers: [...] }`, 1 to 2000 rows. */
const fichierBody = z.object(
  {
    dossiers: z
      .array(z.unknown(), { error: LISTE_ATTENDUE })
      .min(1, "Le fichier ne contient aucune ligne.")
      .check((ctx) => {
        if (ctx.value.length > MAX_DOSSIERS_PAR_REQUETE) {
          ctx.issues.push({
            code: "custom",
            input: ctx.value,
            message: `Le fichier contient ${ctx.value.length} lignes : ${MAX_DOSSIERS_PAR_REQUETE} lignes au maximum.`,
          });
        }
      }),
  },
  { error: LISTE_ATTENDUE },
);

/** Before the body is read: a user who may only look gets a 403, whatever they sent. */
const configuration = createMiddleware<AppEnv>(async (c, next) => {
  requireConfiguration(c);
  await next();
});

export const fichierRoutes = new Hono<AppEnv>()
  /** Dry run: every error of every row, nothing written. */
  .post("/:id/fichier/verification", configuration, validate("json", fichierBody), async (c) => {
    const erreurs = await checkDossiers(c.env, c.req.valid("json").dossiers, c.var.organisme.id);
    return c.json({
      total: erreurs.length,
      valides: erreurs.filter((e) => e.length === 0).length,
      items: erreurs.map((validation_errors) => ({ validation_errors })),
    } satisfies VerificationFichier);
  })
  /** Import: the ERP pipeline (validation, scope, atomic upsert, transmission record, live notification). */
  .post("/:id/fichier/import", configuration, validate("json", fichierBody), async (c) => {
    const result = await ingestDossiers(c.env, c.req.valid("json").dossiers, {
      organismeId: c.var.organisme.id,
      apiKeyId: null,
      source: "fichier",
      hold: false,
    });
    return c.json(result satisfies PushResult);
  });
