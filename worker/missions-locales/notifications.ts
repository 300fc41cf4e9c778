/**
 * The Missions Locales' e-mails, through the outbox (SPEC §10–11), never with personal data: the morning digest of
 * new rupturants of a zone, and the word to a CFA that a learner it signalled changed state.
 */
import { eq } from "drizzle-orm";
import { missionsLocales, organisations } from "../../db/schema";
import { database, type Database } from "../data/db";
import { activeMemberEmails } from "../data/users";
import { appOriginOf } from "../accounts/emails";
import type { Env } from "../env";
import { createMailer } from "../lib/mailer";

const SIGNATURE = "\n\nL'équipe du Tableau de bord de l'apprentissage";

const organisationsOf = (
  db: Database,
  column: typeof organisations.organismeId | typeof organisations.missionLocaleId,
  id: string,
) => db.select({ id: organisations.id }).from(organisations).where(eq(column, id)).all();

async function sendToMembers(
  env: Pick<Env, "DB" | "EMAIL_MODE">,
  organisationIds: string[],
  subject: string,
  body: string,
) {
  const db = database(env.DB);
  const mailer = createMailer(env);
  for (const id of organisationIds)
    for (const { email } of await activeMemberEmails(db, id)) await mailer.send({ to: email, subject, body });
}

/** A learner the CFA signalled changed state at the Mission Locale: one e-mail to the CFA's members. */
export async function notifySuiviChange(env: Env, organismeId: string, missionLocaleNom: string): Promise<void> {
  const db = database(env.DB);
  const origin = appOriginOf(env.APP_ORIGIN, "http://localhost");
  const ids = (await organisationsOf(db, organisations.organismeId, organismeId)).map((o) => o.id);
  await sendToMembers(
    env,
    ids,
    "Le suivi d'un jeune que vous avez signalé a évolué",
    `Bonjour,\n\n${missionLocaleNom} a mis à jour le suivi d'un jeune que vous lui avez signalé.\n\n` +
      `Consultez-le dans Mes effectifs : ${origin}/effectifs${SIGNATURE}`,
  );
}

/** The morning digest of one Mission Locale: how many new rupturants, and the link (no names). */
export async function sendDigest(env: Env, missionLocaleId: string, nouveaux: number, at: string): Promise<void> {
  const db = database(env.DB);
  const origin = appOriginOf(env.APP_ORIGIN, "http://localhost");
  const ids = (await organisationsOf(db, organisations.missionLocaleId, missionLocaleId)).map((o) => o.id);
  const phrase =
    nouveaux === 1 ? "1 nouveau jeune en rupture de contrat" : `${nouveaux} nouveaux jeunes en rupture de contrat`;
  await sendToMembers(
    env,
    ids,
    `${phrase} dans votre zone`,
    `Bonjour,\n\n${phrase} ${nouveaux === 1 ? "est apparu" : "sont apparus"} dans la zone de votre Mission Locale ` +
      `depuis le dernier envoi.\n\nConsultez la liste « Jeunes en rupture » : ${origin}/jeunes-en-rupture${SIGNATURE}`,
  );
  await db.update(missionsLocales).set({ digestEnvoyeAt: at }).where(eq(missionsLocales.id, missionLocaleId)).run();
}
