/**
 * The history of an organisme's pushes (page Transmissions, the dashboard card): per day in Paris time, the pushes
 * of one day, one push and its invalid dossiers. Days are Paris days; Paris is a whole number of hours from UTC, so
 * pushes are summed per UTC hour in SQL and the (at most 24 × days) hours are folded into days here.
 */
import { and, desc, eq, gte, lt, sql, type SQLWrapper } from "drizzle-orm";
import { dossiersRecus, transmissions } from "../../db/schema";
import { parisDay } from "../domain/dates";
import type { DossierInvalide, TransmissionResume, TransmissionsJour } from "../domain/transmissions-historique";
import type { Database } from "./db";
import { inScope } from "./scope";

const HOUR_MS = 3_600_000;

const total = (expression: SQLWrapper) => sql<number>`sum(${expression})`.mapWith(Number);

export async function transmissionsParJour(
  db: Database,
  organismeIds: string[],
  jours: number,
  now = new Date(),
): Promise<TransmissionsJour[]> {
  const premierJour = parisDay(new Date(now.getTime() - (jours - 1) * 24 * HOUR_MS));
  // Two hours of margin before the first Paris day starts (UTC+1 or +2); the fold below drops what is earlier.
  const since = new Date(Date.parse(`${premierJour}T00:00:00Z`) - 2 * HOUR_MS).toISOString();
  const heure = sql<string>`substr(${transmissions.receivedAt}, 1, 13)`;
  const results = await db
    .select({
      heure,
      transmissions: sql<number>`count(*)`.mapWith(Number),
      recus: total(transmissions.total),
      valides: total(sql`${transmissions.created} + ${transmissions.updated} + ${transmissions.unchanged}`),
      invalides: total(transmissions.invalid),
      enAttente: total(transmissions.held),
    })
    .from(transmissions)
    .where(and(inScope(transmissions.organismeId, organismeIds), gte(transmissions.receivedAt, since)))
    .groupBy(heure);

  const days = new Map<string, TransmissionsJour>();
  for (const row of results) {
    const date = parisDay(new Date(`${row.heure}:00:00Z`));
    if (date < premierJour) continue;
    const day = days.get(date) ?? { date, transmissions: 0, recus: 0, valides: 0, invalides: 0, enAttente: 0 };
    day.transmissions += row.transmissions;
    day.recus += row.recus;
    day.valides += row.valides;
    day.invalides += row.invalides;
    day.enAttente += row.enAttente;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** What a push did to the organisme's dossiers. */
const COMPTES = {
  total: transmissions.total,
  created: transmissions.created,
  updated: transmissions.updated,
  unchanged: transmissions.unchanged,
  held: transmissions.held,
  invalid: transmissions.invalid,
};

const RESUME = {
  id: transmissions.id,
  organismeId: transmissions.organismeId,
  source: transmissions.source,
  receivedAt: transmissions.receivedAt,
  ...COMPTES,
};

/** The pushes of one Paris day, latest first. */
export async function transmissionsDuJour(
  db: Database,
  organismeIds: string[],
  date: string,
): Promise<TransmissionResume[]> {
  const debut = new Date(Date.parse(`${date}T00:00:00Z`) - 2 * HOUR_MS).toISOString();
  const fin = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR_MS).toISOString();
  const results = await db
    .select(RESUME)
    .from(transmissions)
    .where(
      and(
        inScope(transmissions.organismeId, organismeIds),
        gte(transmissions.receivedAt, debut),
        lt(transmissions.receivedAt, fin),
      ),
    )
    .orderBy(desc(transmissions.receivedAt));
  return results.filter((t) => parisDay(new Date(t.receivedAt)) === date);
}

export async function findTransmission(db: Database, id: string): Promise<TransmissionResume | null> {
  return (await db.select(RESUME).from(transmissions).where(eq(transmissions.id, id)).get()) ?? null;
}

/** The latest push of an organisme, for its dashboard card; null before its first one. */
export async function derniereTransmission(db: Database, organismeId: string) {
  return (
    (await db
      .select({ source: transmissions.source, receivedAt: transmissions.receivedAt, ...COMPTES })
      .from(transmissions)
      .where(eq(transmissions.organismeId, organismeId))
      .orderBy(desc(transmissions.receivedAt))
      .limit(1)
      .get()) ?? null
  );
}

/**
 * The dossiers of a push that were invalid and have not been sent again since: the transmission report keeps
 * each dossier's latest outcome only.
 */
export async function dossiersInvalides(
  db: Database,
  organismeIds: string[],
  transmissionId: string,
): Promise<DossierInvalide[]> {
  const results = await db
    .select({
      organismeId: dossiersRecus.organismeId,
      nom: dossiersRecus.nom,
      prenom: dossiersRecus.prenom,
      formation: dossiersRecus.libelleFormation,
      anneeScolaire: dossiersRecus.anneeScolaire,
      idErpApprenant: dossiersRecus.idErpApprenant,
      errors: dossiersRecus.errors,
    })
    .from(dossiersRecus)
    .where(
      and(
        inScope(dossiersRecus.organismeId, organismeIds),
        eq(dossiersRecus.outcome, "invalid"),
        eq(dossiersRecus.transmissionId, transmissionId),
      ),
    )
    .orderBy(
      sql`${dossiersRecus.nom} COLLATE NOCASE`,
      sql`${dossiersRecus.prenom} COLLATE NOCASE`,
      dossiersRecus.identity,
    );
  return results.map(({ errors, ...row }) => ({ ...row, erreurs: JSON.parse(errors) as DossierInvalide["erreurs"] }));
}
