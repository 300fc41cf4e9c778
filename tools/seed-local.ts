/**
 * `npm run db:seed`: loads the demo data into the LOCAL D1 of `wrangler dev` (run after the migrations; `npm run
 * dev` does both). Only what is missing is inserted, so running it again keeps existing data and changes nothing.
 */
import { generateReferentiel } from "../db/demo/referentiel";
import { hashPassword } from "../worker/lib/crypto";
import { executeLocal, queryLocal } from "./d1-local";
import { buildClesDemo } from "./demo/cles";
import {
  DEMO_API_KEY,
  DEMO_DEPARTEMENT,
  DEMO_PASSWORD,
  DEMO_REGION,
  demoUsers,
  selectDemoOrganismes,
} from "./demo/comptes";
import { buildEffectifsDemo } from "./demo/effectifs";
import { buildSeedSql } from "./demo/seed-sql";
import { selectTransmetteurs } from "./demo/transmetteurs";

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
  const transmetteurs = selectTransmetteurs(referentiel, selection);
  const cles = await buildClesDemo(transmetteurs);
  const effectifs = await buildEffectifsDemo(transmetteurs, cles, now);
  const statements = buildSeedSql({
    referentiel,
    selection,
    effectifs,
    cles,
    passwordHash: await hashPassword(DEMO_PASSWORD),
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
  const users = demoUsers(selection);
  const width = Math.max(...users.map((u) => u.email.length)) + 1;
  for (const user of users) console.log(`  ${user.email.padEnd(width)} ${user.description}`);
  const [gesti, ...autres] = effectifs.transmissions;
  console.log(`Clé d'échange de l'OFA Gesti (pour le simulateur d'ERP) : ${DEMO_API_KEY}`);
  console.log(
    `  UAI ${selection.gesti.uai} · SIRET ${selection.gesti.siret} · ${gesti.valid} effectifs valides et ${gesti.invalid} dossiers invalides (${effectifs.anneeScolaire})`,
  );
  const dans = (code: string, key: "region" | "departement") =>
    autres.filter((t) => t.transmetteur.organisme[key] === code).length;
  console.log(
    `Autres organismes qui transmettent : ${autres.length} (${dans(DEMO_REGION, "region")} dans la région ${DEMO_REGION}, dont ${dans(DEMO_DEPARTEMENT, "departement")} dans le Puy-de-Dôme), ${autres.reduce((n, t) => n + t.valid, 0)} effectifs`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
