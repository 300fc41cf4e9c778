import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { badRequest } from "../lib/errors";

/**
 * French message for the issues a schema gives no message of its own (zod's defaults are English): a body that is
 * not an object, or a field of the wrong type. The schemas' messages take precedence over this one.
 */
const frenchFallback = (issue: { path?: PropertyKey[] }) =>
  issue.path?.length
    ? `Le champ « ${issue.path.join(".")} » n'est pas valide.`
    : "Le corps de la requête doit être un objet JSON.";

/** Parses the JSON body with `schema`; the first issue's French message becomes the 400 message. */
export async function parseBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const body = await c.req.json().catch(() => {
    throw badRequest("Le corps de la requête doit être du JSON.");
  });
  const result = schema.safeParse(body, { error: frenchFallback });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(issue?.message ?? "Données invalides.", { field: issue?.path.join(".") });
  }
  return result.data;
}
