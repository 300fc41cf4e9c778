/**
 * The one validation path of the API: `validate("json" | "query" | "param", schema)` is @hono/zod-validator with a
 * hook that answers our `{error, message}` in French, the first issue's message becoming the 400's.
 */
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { findMalformedText, MESSAGE_TEXTE_MAL_FORME } from "../domain/texte-unicode";
import { badRequest } from "./errors";

/**
 * French message for the issues a schema gives no message of its own (zod's defaults are English): a body that is
 * not an object, or a field of the wrong type. The schemas' messages take precedence over this one.
 */
const frenchFallback = (issue: { path?: PropertyKey[] }) =>
  issue.path?.length
    ? `Le champ « ${issue.path.join(".")} » n'est pas valide.`
    : "Le corps de la requête doit être un objet JSON.";

export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) =>
  zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw badRequest(issue?.message ?? "Données invalides.", { field: issue?.path.join(".") || undefined });
      }
    },
    // The parse result's type is zod's own; the hook above only reads its issues.
    {
      validationFunction: (s, value) => {
        // Every text field of every body and query: refused before the schema sees it.
        const malformed = findMalformedText(value);
        if (malformed) throw badRequest(MESSAGE_TEXTE_MAL_FORME, { field: malformed.join(".") || undefined });
        return s.safeParseAsync(value, { error: frenchFallback }) as never;
      },
    },
  );
