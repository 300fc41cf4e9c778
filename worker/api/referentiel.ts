import { Hono } from "hono";
import type { AppEnv } from "../env";
import { computeFiabilite } from "../domain/fiabilite";
import { ACADEMIES, DEPARTEMENTS, REGIONS } from "../domain/territoires";
import { badRequest } from "../lib/errors";
import { enforceRateLimit } from "../lib/rate-limit";

/** Public look-ups for the sign-up: find one's organisme by UAI or SIRET, list territories and réseaux. */
export const referentielRoutes = new Hono<AppEnv>();

const UAI_PATTERN = /^[0-9]{7}[A-Z]$/;
const SIRET_PATTERN = /^[0-9]{14}$/;
const MAX_RESULTS = 20;
/** Public and unauthenticated: bound the enumeration of the référentiel per IP. */
const LOOKUPS_PER_MINUTE_PER_IP = 60;

export const normaliseUai = (value: string) => value.trim().toUpperCase();
export const normaliseSiret = (value: string) => value.replace(/[\s.-]/g, "");

interface OrganismeRow {
  id: string;
  uai: string | null;
  siret: string;
  raison_sociale: string;
  enseigne: string | null;
  nature: string;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  departement: string | null;
  region: string | null;
  ferme: number;
  referentiel: number;
}

referentielRoutes.get("/organismes", async (c) => {
  const uaiParam = c.req.query("uai");
  const siretParam = c.req.query("siret");
  const conditions: string[] = [];
  const values: string[] = [];
  if (uaiParam !== undefined && uaiParam.trim() !== "") {
    const uai = normaliseUai(uaiParam);
    if (!UAI_PATTERN.test(uai))
      throw badRequest("UAI invalide. Format attendu : 7 chiffres suivis d'une lettre (ex. 0751234A).");
    conditions.push("uai = ?");
    values.push(uai);
  }
  if (siretParam !== undefined && siretParam.trim() !== "") {
    const siret = normaliseSiret(siretParam);
    if (!SIRET_PATTERN.test(siret)) throw badRequest("Siret invalide. Format attendu : 14 chiffres");
    conditions.push("siret = ?");
    values.push(siret);
  }
  if (conditions.length === 0) throw badRequest("Indiquez un UAI ou un SIRET.");
  await enforceRateLimit(
    c.env,
    `referentiel-ip:${c.req.header("CF-Connecting-IP") ?? "local"}`,
    LOOKUPS_PER_MINUTE_PER_IP,
  );

  const { results } = await c.env.DB.prepare(
    `SELECT id, uai, siret, raison_sociale, enseigne, nature, adresse, code_postal, commune, departement, region, ferme, referentiel
       FROM organismes WHERE ${conditions.join(" AND ")} ORDER BY raison_sociale LIMIT ${MAX_RESULTS}`,
  )
    .bind(...values)
    .all<OrganismeRow>();
  // An unknown couple is an answer, not an error: the sign-up page says "Aucun organisme trouvé".
  if (results.length === 0) return c.json({ organismes: [], message: "Aucun organisme trouvé" });

  return c.json({
    organismes: results.map(({ ferme, referentiel, ...row }) => {
      const fiabilite = computeFiabilite({ referentiel: Boolean(referentiel), ferme: Boolean(ferme) });
      return { ...row, ferme: Boolean(ferme), fiable: fiabilite.fiable, fiabilite_raison: fiabilite.raison };
    }),
  });
});

/** The territories that have organismes, for the opérateur public sign-up. */
referentielRoutes.get("/territoires", async (c) => {
  const distinct = (column: "region" | "departement" | "academie") =>
    c.env.DB.prepare(
      `SELECT DISTINCT ${column} AS code FROM organismes WHERE ${column} IS NOT NULL AND ${column} <> '' ORDER BY ${column}`,
    );
  const [regions, departements, academies] = await c.env.DB.batch<{ code: string }>([
    distinct("region"),
    distinct("departement"),
    distinct("academie"),
  ]);
  const named = (rows: { code: string }[], names: Record<string, string>) =>
    rows.map(({ code }) => ({ code, nom: names[code] ?? code })).sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
  return c.json({
    regions: named(regions.results, REGIONS),
    departements: named(departements.results, DEPARTEMENTS),
    academies: named(academies.results, ACADEMIES),
  });
});

/** The réseaux already known (members of a réseau, or organisations of réseau users). */
referentielRoutes.get("/reseaux", async (c) => {
  const { results } = await c.env.DB.prepare(
    `SELECT reseau FROM reseau_membres UNION SELECT reseau FROM organisations WHERE type = 'RESEAU' AND reseau IS NOT NULL ORDER BY 1`,
  ).all<{ reseau: string }>();
  return c.json({ reseaux: results.map((r) => r.reseau) });
});
