/**
 * `npm run db:seed`: loads the demo data into the LOCAL D1 of `wrangler dev` (run after the migrations; `npm run
 * dev` does both). Only what is missing is inserted, so running it again keeps existing data and changes nothing.
 */
import { generateReferentiel } from "../db/demo/referentiel";
import { hashPassword, sha256Hex } from "../worker/lib/crypto";
import { executeLocal, queryLocal } from "./d1-local";
import { DEMO_API_KEY, DEMO_PASSWORD, demoUsers, selectDemoOrganismes } from "./demo/comptes";
import { buildEffectifsDemo } from "./demo/effectifs";
import { buildSeedSql } from "./demo/seed-sql";

const COUNTED_TABLES = [
  "organismes",
  "organisme_relations",
  "organisations",
  "users",
  "api_keys",
  "effectifs",
  "transmissions",
];

async function main() {
  const now = new Date();
  const referentiel = generateReferentiel();
  const selection = selectDemoOrganismes(referentiel);
  const effectifs = await buildEffectifsDemo(selection, now);
  const statements = buildSeedSql({
    referentiel,
    selection,
    effectifs,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    apiKey: { hash: await sha256Hex(DEMO_API_KEY), prefix: DEMO_API_KEY.slice(0, 8) },
    now,
  });

  executeLocal(statements, (done, total) =>
    process.stdout.write(`\rDonnées de démonstration : ${done}/${total} requêtes`),
  );
  const counts = queryLocal<Record<string, number>>(
    `SELECT ${COUNTED_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ")}`,
  )[0];
  console.log(`\n${COUNTED_TABLES.map((t) => `${t} ${counts[t]}`).join(" · ")}`);

  console.log("\nTableau de bord de l'apprentissage : http://localhost:8787");
  console.log(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
  for (const user of demoUsers(selection)) console.log(`  ${user.email.padEnd(22)} ${user.description}`);
  console.log(`Clé d'échange de l'OFA Gesti (pour le simulateur d'ERP) : ${DEMO_API_KEY}`);
  console.log(
    `  UAI ${selection.gesti.uai} · SIRET ${selection.gesti.siret} · ${effectifs.valid} effectifs valides et ${effectifs.invalid} dossiers invalides (${effectifs.anneeScolaire})`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
