/**
 * The Missions Locales' daily jobs: the morning digest (one e-mail per Mission Locale with new rupturants in its
 * zone; "new" = on the worklist with no follow-up yet, which the digest then opens "à traiter", so that a learner is
 * announced once), and the RGPD purge of follow-ups inactive for 12 months, in bounded batches.
 */
import { eq } from "drizzle-orm";
import { missionsLocales, organisations, suivisMissionLocale } from "../../db/schema";
import { database } from "../data/db";
import { insertAudit } from "../data/audit-log";
import { candidatsRupture } from "../data/jeunes-en-rupture";
import { purgeSuivisInactifs } from "../data/suivis-mission-locale";
import { parisDay } from "../domain/dates";
import { debutFenetre, jeuneOf } from "../domain/jeunes-en-rupture";
import type { Env } from "../env";
import { sendDigest } from "../missions-locales/notifications";

/** Months a follow-up is kept after its last activity (SPEC §10). */
export const SUIVI_RETENTION_MONTHS = 12;
/** At most this many purge batches per run; what is left waits for the next day. */
const MAX_PURGE_BATCHES = 100;

export async function sendMissionsLocalesDigests(env: Env, now: Date = new Date()): Promise<Record<string, number>> {
  const db = database(env.DB);
  const today = parisDay(now);
  const at = now.toISOString();
  // Only the Missions Locales that have an organisation (someone to read the e-mail).
  const withUsers = await db
    .selectDistinct({ id: missionsLocales.id })
    .from(missionsLocales)
    .innerJoin(organisations, eq(organisations.missionLocaleId, missionsLocales.id))
    .all();
  const sent: Record<string, number> = {};
  for (const { id } of withUsers) {
    const nouveaux = (await candidatsRupture(db, id, debutFenetre(today))).filter(
      (candidat) => candidat.etat === null && jeuneOf(candidat, today)?.onglet === "rupturants",
    );
    if (nouveaux.length === 0) continue;
    // 4 values a row: 20 rows a statement stay under D1's 100 bound parameters.
    const rows = nouveaux.map((n) => ({
      effectifId: n.effectifId,
      missionLocaleId: id,
      etat: "a_traiter",
      derniereActiviteAt: at,
    }));
    const inserts = [];
    for (let i = 0; i < rows.length; i += 20)
      inserts.push(
        db
          .insert(suivisMissionLocale)
          .values(rows.slice(i, i + 20))
          .onConflictDoNothing(),
      );
    const [first, ...others] = inserts;
    await db.batch([first, ...others]);
    await sendDigest(env, id, nouveaux.length, at);
    sent[id] = nouveaux.length;
  }
  return sent;
}

export async function purgeSuivisMissionsLocales(env: Env, now: Date = new Date()): Promise<number> {
  const db = database(env.DB);
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - SUIVI_RETENTION_MONTHS);
  let removed = 0;
  for (let i = 0; i < MAX_PURGE_BATCHES; i++) {
    const n = await purgeSuivisInactifs(db, before.toISOString());
    removed += n;
    if (n === 0) break;
  }
  if (removed > 0)
    await insertAudit(db, {
      organismeId: null,
      userId: null,
      actor: "Tableau de bord (tâche quotidienne)",
      action: "suivis-mission-locale-purges",
      detail: JSON.stringify({ suivis: removed, inactifsDepuis: before.toISOString() }),
      at: now.toISOString(),
    }).run();
  return removed;
}
