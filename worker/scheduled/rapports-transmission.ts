/**
 * Each morning (the daily cron), through the outbox, to the active members of each OFA:
 * - the transmission report of the previous day (Paris) when its pushes had invalid dossiers: how many, per error;
 * - a reminder when an organisme that transmitted stopped for 7 days, once per silence.
 * Each is sent once: organismes.rapport_quotidien_du and relance_envoyee_at record what was sent.
 */
import { and, eq, gte, isNotNull, lt, or, isNull, sql } from "drizzle-orm";
import { dossiersRecus, organisations, organismes, transmissions, users } from "../../db/schema";
import { appOriginOf } from "../accounts/emails";
import { database, type Database } from "../data/db";
import { parisDay } from "../domain/dates";
import {
  erreursParType,
  JOURS_SANS_TRANSMISSION_RELANCE,
  rapportQuotidienMail,
  relanceMail,
} from "../domain/rapport-quotidien";
import type { Env } from "../env";
import { createMailer } from "../lib/mailer";

const DAY_MS = 86_400_000;

/** The UTC instant at which day `jour` (YYYY-MM-DD) starts in Paris (UTC+1 in winter, UTC+2 in summer). */
export function debutJourParis(jour: string): Date {
  const midnightUtc = Date.parse(`${jour}T00:00:00Z`);
  for (const hours of [1, 2]) {
    const t = new Date(midnightUtc - hours * 3600_000);
    if (parisDay(t) === jour && parisDay(new Date(t.getTime() - 1)) !== jour) return t;
  }
  return new Date(midnightUtc);
}

/** The e-mails of the active users of an organisme's OFA organisation. */
const destinataires = (db: Database, organismeId: string) =>
  db
    .select({ email: users.email })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(organisations.organismeId, organismeId),
        eq(organisations.type, "ORGANISME_FORMATION"),
        eq(users.status, "active"),
      ),
    )
    .all();

const nomOf = (o: { enseigne: string | null; raisonSociale: string }) => o.enseigne || o.raisonSociale;

export async function sendRapportsQuotidiens(
  env: Env,
  now: Date = new Date(),
): Promise<{ rapports: number; relances: number }> {
  const db = database(env.DB);
  const mailer = createMailer(env);
  const origin = appOriginOf(env.APP_ORIGIN, "http://localhost");
  const hier = parisDay(new Date(now.getTime() - DAY_MS));
  const debut = debutJourParis(hier).toISOString();
  const fin = debutJourParis(parisDay(now)).toISOString();

  // The organismes whose pushes of yesterday had invalid dossiers, not reported yet.
  const concernes = await db
    .selectDistinct({ id: organismes.id, enseigne: organismes.enseigne, raisonSociale: organismes.raisonSociale })
    .from(transmissions)
    .innerJoin(organismes, eq(organismes.id, transmissions.organismeId))
    .where(
      and(
        gte(transmissions.receivedAt, debut),
        lt(transmissions.receivedAt, fin),
        sql`${transmissions.invalid} > 0`,
        or(isNull(organismes.rapportQuotidienDu), lt(organismes.rapportQuotidienDu, hier)),
      ),
    )
    .all();
  let rapports = 0;
  for (const organisme of concernes) {
    const invalides = await db
      .select({ errors: dossiersRecus.errors })
      .from(dossiersRecus)
      .where(
        and(
          eq(dossiersRecus.organismeId, organisme.id),
          eq(dossiersRecus.outcome, "invalid"),
          gte(dossiersRecus.receivedAt, debut),
          lt(dossiersRecus.receivedAt, fin),
        ),
      )
      .all();
    const to = await destinataires(db, organisme.id);
    if (invalides.length > 0 && to.length > 0) {
      const mail = rapportQuotidienMail(
        nomOf(organisme),
        hier,
        invalides.length,
        erreursParType(invalides.map((d) => JSON.parse(d.errors) as { message: string; path: string }[])),
        origin,
      );
      for (const { email } of to) await mailer.send({ to: email, ...mail });
      rapports++;
    }
    await db.update(organismes).set({ rapportQuotidienDu: hier }).where(eq(organismes.id, organisme.id)).run();
  }

  // Silent for 7 days after transmitting, and not reminded since its last transmission.
  const seuil = new Date(now.getTime() - JOURS_SANS_TRANSMISSION_RELANCE * DAY_MS).toISOString();
  const silencieux = await db
    .select({
      id: organismes.id,
      enseigne: organismes.enseigne,
      raisonSociale: organismes.raisonSociale,
      lastTransmissionAt: organismes.lastTransmissionAt,
    })
    .from(organismes)
    .where(
      and(
        isNotNull(organismes.lastTransmissionAt),
        lt(organismes.lastTransmissionAt, seuil),
        or(isNull(organismes.relanceEnvoyeeAt), lt(organismes.relanceEnvoyeeAt, organismes.lastTransmissionAt)),
      ),
    )
    .all();
  let relances = 0;
  for (const organisme of silencieux) {
    const to = await destinataires(db, organisme.id);
    if (to.length > 0) {
      const mail = relanceMail(nomOf(organisme), organisme.lastTransmissionAt!, origin);
      for (const { email } of to) await mailer.send({ to: email, ...mail });
      relances++;
    }
    await db
      .update(organismes)
      .set({ relanceEnvoyeeAt: now.toISOString() })
      .where(eq(organismes.id, organisme.id))
      .run();
  }
  return { rapports, relances };
}
