// The demo seed as `npm run db:seed` builds it, run on the test D1 (shared by the demo test files).
import { env } from "cloudflare:test";
import { generateReferentiel } from "../../db/demo/referentiel";
import { buildClesDemo } from "../../tools/demo/cles";
import { DEMO_PASSWORD, selectDemoOrganismes } from "../../tools/demo/comptes";
import { buildEffectifsDemo } from "../../tools/demo/effectifs";
import { buildSeedSql } from "../../tools/demo/seed-sql";
import { selectTransmetteurs } from "../../tools/demo/transmetteurs";
import { hashPassword } from "../../worker/lib/crypto";

export const referentiel = generateReferentiel();
export const selection = selectDemoOrganismes(referentiel);
export const transmetteurs = selectTransmetteurs(referentiel, selection);
const now = new Date();

export async function seed() {
  const cles = await buildClesDemo(transmetteurs);
  const statements = buildSeedSql({
    referentiel,
    selection,
    effectifs: await buildEffectifsDemo(transmetteurs, cles, now),
    cles,
    // Fewer iterations keep the test fast; the seed itself uses the default.
    passwordHash: await hashPassword(DEMO_PASSWORD, 1000),
    now,
  });
  for (const sql of statements) await env.DB.prepare(sql).run();
}
