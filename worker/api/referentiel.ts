import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { database } from "../data/db";
import { findOrganismesByIdentifiants, reseauxConnus, territoiresCodes } from "../data/referentiel";
import { searchMissionsLocales } from "../data/missions-locales";
import type { MissionsLocalesRecherche } from "../domain/missions-locales";
import { computeFiabilite } from "../domain/fiabilite";
import { normaliseSiret, normaliseUai } from "../domain/identifiants";
import type { OrganismesTrouvesResponse, ReseauxResponse, TerritoiresResponse } from "../domain/referentiel";
import { ACADEMIES, DEPARTEMENTS, REGIONS } from "../domain/territoires";
import { enforceRateLimit } from "../lib/rate-limit";
import { validate } from "../lib/validate";

/** Public look-ups for the sign-up: find one's organisme by UAI or SIRET, list territories and réseaux. */
export const referentielRoutes = new Hono<AppEnv>();

const UAI_PATTERN = /^[0-9]{7}[A-Z]$/;
const SIRET_PATTERN = /^[0-9]{14}$/;
/** Public and unauthenticated: bound the enumeration of the référentiel per IP. */
const LOOKUPS_PER_MINUTE_PER_IP = 60;

/** An identifier of the query string, normalised; absent when not given or blank. */
const identifiant = (normalise: (value: string) => string, pattern: RegExp, message: string) =>
  z
    .string({ error: message })
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : normalise(value)))
    .refine((value) => value === undefined || pattern.test(value), message);

const rechercheQuery = z
  .object({
    uai: identifiant(
      normaliseUai,
      UAI_PATTERN,
      "UAI invalide. Format attendu : 7 chiffres suivis d'une lettre (ex. 0751234A).",
    ),
    siret: identifiant(normaliseSiret, SIRET_PATTERN, "Siret invalide. Format attendu : 14 chiffres"),
  })
  .refine((query) => query.uai !== undefined || query.siret !== undefined, "Indiquez un UAI ou un SIRET.");

referentielRoutes.get("/organismes", validate("query", rechercheQuery), async (c) => {
  const identifiants = c.req.valid("query");
  await enforceRateLimit(
    c.env,
    `referentiel-ip:${c.req.header("CF-Connecting-IP") ?? "local"}`,
    LOOKUPS_PER_MINUTE_PER_IP,
  );

  const found = await findOrganismesByIdentifiants(database(c.env.DB), identifiants);
  // An unknown couple is an answer, not an error: the sign-up page says "Aucun organisme trouvé".
  if (found.length === 0)
    return c.json({ organismes: [], message: "Aucun organisme trouvé" } satisfies OrganismesTrouvesResponse);

  return c.json({
    organismes: found.map((o) => {
      const fiabilite = computeFiabilite(o);
      return {
        id: o.id,
        uai: o.uai,
        siret: o.siret,
        raison_sociale: o.raisonSociale,
        enseigne: o.enseigne,
        nature: o.nature,
        adresse: o.adresse,
        code_postal: o.codePostal,
        commune: o.commune,
        departement: o.departement,
        region: o.region,
        ferme: o.ferme,
        fiable: fiabilite.fiable,
        fiabilite_raison: fiabilite.raison,
      };
    }),
  } satisfies OrganismesTrouvesResponse);
});

/** The territories that have organismes, for the opérateur public sign-up. */
referentielRoutes.get("/territoires", async (c) => {
  const { regions, departements, academies } = await territoiresCodes(database(c.env.DB));
  const named = (rows: { code: string }[], names: Record<string, string>) =>
    rows.map(({ code }) => ({ code, nom: names[code] ?? code })).sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
  return c.json({
    regions: named(regions, REGIONS),
    departements: named(departements, DEPARTEMENTS),
    academies: named(academies, ACADEMIES),
  } satisfies TerritoiresResponse);
});

/** The réseaux already known (members of a réseau, or organisations of réseau users). */
referentielRoutes.get("/reseaux", async (c) => {
  return c.json({ reseaux: await reseauxConnus(database(c.env.DB)) } satisfies ReseauxResponse);
});

/** The Missions Locales for the sign-up: by name, commune or département code (public, rate-limited like the rest). */
referentielRoutes.get(
  "/missions-locales",
  validate(
    "query",
    z.object({
      q: z
        .string({ error: "Indiquez le nom, la commune ou le département de votre Mission Locale." })
        .trim()
        .min(2, { error: "Indiquez au moins 2 caractères." })
        .max(100, { error: "Recherche trop longue (100 caractères au plus)." }),
    }),
  ),
  async (c) => {
    await enforceRateLimit(
      c.env,
      `referentiel-ip:${c.req.header("CF-Connecting-IP") ?? "local"}`,
      LOOKUPS_PER_MINUTE_PER_IP,
    );
    const missionsLocales = await searchMissionsLocales(database(c.env.DB), c.req.valid("query").q);
    return c.json({ missionsLocales } satisfies MissionsLocalesRecherche);
  },
);
