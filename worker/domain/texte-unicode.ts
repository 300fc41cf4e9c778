/**
 * Texts that are not well-formed UTF-16: a lone surrogate ("\ud800" in JSON) is valid JSON but no character. D1
 * stores it replaced by U+FFFD, so a key or a name made of it would never be found again as sent.
 */

/** In the u mode a surrogate pair is one code point: only a lone half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

export const MESSAGE_TEXTE_MAL_FORME =
  "Texte mal formé : il contient un caractère Unicode incomplet (demi-paire UTF-16 isolée)";

export const isMalformedText = (value: unknown): boolean => typeof value === "string" && LONE_SURROGATE.test(value);

/** The path of the first malformed text (a key or a value) in a parsed JSON value, or null. */
export function findMalformedText(value: unknown, path: string[] = []): string[] | null {
  if (isMalformedText(value)) return path;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    if (isMalformedText(key)) return [...path, key];
    const found = findMalformedText(child, [...path, key]);
    if (found) return found;
  }
  return null;
}
