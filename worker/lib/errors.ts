import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error the API answers as JSON `{error, message}` with a French message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, extra?: Record<string, unknown>) =>
  new ApiError(400, "Bad Request", message, extra);
export const unauthorized = (message = "Vous devez être connecté.") => new ApiError(401, "Unauthorized", message);
export const forbidden = (message = "Vous n'avez pas accès à cette ressource.") =>
  new ApiError(403, "Forbidden", message);
export const notFound = (message = "Ressource introuvable.") => new ApiError(404, "Not Found", message);
export const conflict = (message: string) => new ApiError(409, "Conflict", message);
export const tooManyRequests = (
  retryAfterSeconds: number,
  message = "Trop de requêtes, veuillez réessayer plus tard.",
) => new ApiError(429, "Too Many Requests", message, { retryAfter: retryAfterSeconds });

/** The largest body the API reads (an ERP push of a few thousand dossiers is well under it). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export const payloadTooLarge = () =>
  new ApiError(413, "Payload Too Large", "Le corps de la requête dépasse la taille maximale de 10 Mo.");

/** The deepest JSON the API reads: its bodies are flat objects, in an array or an object (depth 3 at most). */
export const MAX_JSON_DEPTH = 16;

const TOO_DEEP = `Le corps de la requête est trop imbriqué : ${MAX_JSON_DEPTH} niveaux de tableaux et d'objets au plus.`;

export const nestingTooDeep = () => badRequest(TOO_DEEP);

/** The same refusal in the ERP API's validation shape (its `validationError`), which ERPs read. */
export const erpNestingTooDeep = () =>
  badRequest("Erreur de validation", { details: [{ path: "", message: TOO_DEEP }] });
