/** The identifiers of an organisme as users and ERPs type them (SPEC §2). */

/** UAI: spaces around removed, letters upper-cased. */
export const normaliseUai = (value: string) => value.trim().toUpperCase();

/** SIRET: spaces, dots and dashes removed. */
export const normaliseSiret = (value: string) => value.replace(/[\s.-]/g, "");
