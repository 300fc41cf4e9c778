import { ApiClientError, errorMessage } from "../../api";

/** Splits an API error into the field it names (the server's `field`) and its French message. */
export function fieldError(e: unknown): { field: string | null; message: string } {
  const field =
    e instanceof ApiClientError && typeof (e.body as { field?: unknown } | null)?.field === "string"
      ? (e.body as { field: string }).field
      : null;
  return { field, message: errorMessage(e) };
}

/** Only same-site relative paths: "/x" but not "//host" nor "/\host" (both leave the site). */
export function safeRedirect(value: string | string[] | undefined): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
