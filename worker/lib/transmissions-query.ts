/**
 * The history of an organisme's pushes (page Transmissions): per day in Paris time, the pushes of one day, and the
 * invalid dossiers of one push. Days are Paris days; Paris is a whole number of hours from UTC, so pushes are
 * summed per UTC hour in SQL and the (at most 24 × days) hours are folded into days here.
 */
import type { DossierInvalide, TransmissionResume, TransmissionsJour } from "../domain/transmissions-historique";

const HOUR_MS = 3_600_000;
const parisDay = (instant: Date) => instant.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

export async function transmissionsParJour(
  db: D1Database,
  organismeIds: string[],
  jours: number,
  now = new Date(),
): Promise<TransmissionsJour[]> {
  const premierJour = parisDay(new Date(now.getTime() - (jours - 1) * 24 * HOUR_MS));
  // Two hours of margin before the first Paris day starts (UTC+1 or +2); the fold below drops what is earlier.
  const since = new Date(Date.parse(`${premierJour}T00:00:00Z`) - 2 * HOUR_MS).toISOString();
  const { results } = await db
    .prepare(
      `SELECT substr(received_at, 1, 13) AS heure, count(*) AS transmissions, sum(total) AS recus,
              sum(created + updated + unchanged) AS valides, sum(invalid) AS invalides, sum(held) AS enAttente
         FROM transmissions
        WHERE organisme_id IN (SELECT value FROM json_each(?1)) AND received_at >= ?2
        GROUP BY heure`,
    )
    .bind(JSON.stringify(organismeIds), since)
    .all<{
      heure: string;
      transmissions: number;
      recus: number;
      valides: number;
      invalides: number;
      enAttente: number;
    }>();

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

const RESUME_COLUMNS = `id, organisme_id AS organismeId, source, received_at AS receivedAt, total, created, updated, unchanged, held, invalid`;

/** The pushes of one Paris day, latest first. */
export async function transmissionsDuJour(
  db: D1Database,
  organismeIds: string[],
  date: string,
): Promise<TransmissionResume[]> {
  const debut = new Date(Date.parse(`${date}T00:00:00Z`) - 2 * HOUR_MS).toISOString();
  const fin = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR_MS).toISOString();
  const { results } = await db
    .prepare(
      `SELECT ${RESUME_COLUMNS} FROM transmissions
        WHERE organisme_id IN (SELECT value FROM json_each(?1)) AND received_at >= ?2 AND received_at < ?3
        ORDER BY received_at DESC`,
    )
    .bind(JSON.stringify(organismeIds), debut, fin)
    .all<TransmissionResume>();
  return results.filter((t) => parisDay(new Date(t.receivedAt)) === date);
}

export async function findTransmission(db: D1Database, id: string): Promise<TransmissionResume | null> {
  return db.prepare(`SELECT ${RESUME_COLUMNS} FROM transmissions WHERE id = ?`).bind(id).first<TransmissionResume>();
}

/**
 * The dossiers of a push that were invalid and have not been sent again since: the transmission report keeps
 * each dossier's latest outcome only.
 */
export async function dossiersInvalides(
  db: D1Database,
  organismeIds: string[],
  transmissionId: string,
): Promise<DossierInvalide[]> {
  const { results } = await db
    .prepare(
      `SELECT organisme_id AS organismeId, nom, prenom, libelle_formation AS formation, annee_scolaire AS anneeScolaire,
              id_erp_apprenant AS idErpApprenant, errors
         FROM dossiers_recus
        WHERE organisme_id IN (SELECT value FROM json_each(?1)) AND outcome = 'invalid' AND transmission_id = ?2
        ORDER BY nom COLLATE NOCASE, prenom COLLATE NOCASE, identity`,
    )
    .bind(JSON.stringify(organismeIds), transmissionId)
    .all<Omit<DossierInvalide, "erreurs"> & { errors: string }>();
  return results.map(({ errors, ...row }) => ({ ...row, erreurs: JSON.parse(errors) as DossierInvalide["erreurs"] }));
}
