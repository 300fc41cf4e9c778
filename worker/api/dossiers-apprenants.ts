/** The ERP API v3 (SPEC §5), wire-compatible with the reference: `/api/v3/dossiers-apprenants[/test]`. */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import {
  validateDossiers,
  validateDossiersBody,
  type DossierNormalise,
  type DossierValidation,
} from "../domain/dossier";
import { badRequest } from "../lib/errors";
import { authenticateApiKey } from "../connection/keys";
import { organismeHub } from "../connection/hub";
import { applyHeldDossiers, settleHeldDossiers } from "../ingestion/held";
import { ingestValidated } from "../ingestion/push";
import { pushTimer } from "../ingestion/timings";

export const dossiersApprenantsRoutes = new Hono<AppEnv>();

const clientIp = (c: Context<AppEnv>) =>
  c.req.header("CF-Connecting-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0].trim() ?? "inconnue";

const authenticate = (c: Context<AppEnv>) => authenticateApiKey(c.env, c.req.header("Authorization"), clientIp(c));

/**
 * The reference's validation answer, which ERPs read: `{error, message: "Erreur de validation", details}`. The
 * body is checked by the dossier domain (validateDossiersBody), not by the API's generic validator, so that its
 * format stays the reference's; its size by the global bodyLimit (413 past 10 MB, with or without Content-Length).
 */
const validationError = (details: { message: string; path: string }[]) =>
  badRequest("Erreur de validation", { details });

dossiersApprenantsRoutes.post("/dossiers-apprenants/test", async (c) => {
  const { keyId, organismeId } = await authenticate(c);
  await organismeHub(c.env, organismeId).recordFirstUse({ keyId, via: "test" });
  return c.json({ msg: "ok" });
});

dossiersApprenantsRoutes.post("/dossiers-apprenants", async (c) => {
  const timer = pushTimer();
  const { keyId, organismeId, heldPending } = await authenticate(c);
  timer.lap("clé d'échange");
  let body: unknown;
  try {
    const text = await c.req.text();
    timer.lap("réception du corps");
    body = JSON.parse(text);
  } catch {
    throw validationError([{ path: "", message: "Le corps de la requête n'est pas un JSON valide" }]);
  }
  const checked = validateDossiersBody(body);
  if (!checked.ok) throw validationError(checked.details);

  timer.lap("JSON.parse du corps");
  const validations = validateDossiers(checked.dossiers);
  const entries = checked.dossiers.map((input, i) => ({ input, validation: validations[i] }));
  timer.lap("validation");
  const { status } = await organismeHub(c.env, organismeId).recordFirstUse({
    keyId,
    via: "push",
    ...declaredFormateur(entries[0]?.validation),
  });
  timer.lap("hub : état de la connexion");
  const { summary, items } = await ingestValidated(c.env, entries, {
    organismeId,
    apiKeyId: keyId,
    source: "erp",
    hold: status !== "confirmed",
    timer,
  });
  // Confirmed: held records a failed apply left behind are applied now (a held push racing this one settles its
  // own). Held: the OFA may have decided meanwhile.
  if (status === "confirmed" && heldPending) await applyHeldDossiers(c.env, organismeId, keyId);
  else if (summary.held > 0) await settleHeldDossiers(c.env, organismeId, keyId);

  timer.lap("enregistrements en attente");
  const data = checked.dossiers.map((input, i) => Object.assign(echo(input), items[i]));
  const someInvalid = items.some((item) => item.outcome === "invalid");
  timer.lap("réponse : objets");
  const response = c.json({
    status: "OK",
    message: "Queued",
    ...(someInvalid ? { detail: "Some data are invalid" } : {}),
    data,
  });
  timer.lap("réponse : JSON.stringify");
  timer.done();
  return response;
});

/**
 * The dossier as sent, without the NIR (never stored nor sent back). In place: the parsed body is not read after
 * the pipeline, and a copy of 2000 dossiers cost as much as their JSON. An undefined NIR keeps the object's shape
 * (`delete` would not) and JSON.stringify leaves it out.
 */
function echo(input: unknown): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return {};
  const dossier = input as Record<string, unknown>;
  if ("nir_apprenant" in dossier) dossier.nir_apprenant = undefined;
  return dossier;
}

/** The UAI/SIRET of the organisme formateur that the first dossier declares: what the OFA will confirm. */
function declaredFormateur(first: DossierValidation | undefined): { uai: string | null; siret: string | null } {
  const f: Partial<DossierNormalise> = !first ? {} : first.ok ? first.value : first.partial;
  return { uai: f.etablissement_formateur_uai ?? null, siret: f.etablissement_formateur_siret ?? null };
}
