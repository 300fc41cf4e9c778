/**
 * The retention of learners' data, applied by the daily cron in bounded batches (never one giant statement): the
 * effectifs of the school years no longer kept (worker/domain/retention.ts), their parcours intervals (whose
 * delete triggers keep the monthly counters exact: the purged years' counters fall to zero and are then removed),
 * their Missions Locales follow-ups, and the transmission reports of those years. One summary row in the audit log.
 * What a run leaves (more than its batches allow) waits for the next day.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import {
  dossiersRecus,
  effectifs,
  effectifStatuts,
  effectifStatutsMois,
  effectifStatutsVariations,
  suiviEvenements,
  suivisMissionLocale,
} from "../../db/schema";
import { database } from "../data/db";
import { insertAudit } from "../data/audit-log";
import { parisDay } from "../domain/dates";
import { bornePurge, premiereAnneeConservee } from "../domain/retention";
import type { Env } from "../env";

export interface RetentionOptions {
  now?: Date;
  anneesConservees?: number;
  /** effectifs deleted per batch */
  batch?: number;
  /** batches per run */
  maxBatches?: number;
}

export interface RetentionResult {
  premiereAnneeConservee: number;
  effectifs: number;
  dossiersRecus: number;
  /** false when the run stopped at maxBatches with effectifs left to purge */
  termine: boolean;
}

const ids = (list: string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(list)}))`;

export async function purgeAnneesScolaires(env: Env, options: RetentionOptions = {}): Promise<RetentionResult> {
  const db = database(env.DB);
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const maxBatches = options.maxBatches ?? 200;
  const configured = Number(env.RETENTION_ANNEES_SCOLAIRES);
  const anneesConservees =
    options.anneesConservees ?? (Number.isInteger(configured) && configured >= 1 ? configured : undefined);
  const premiere = premiereAnneeConservee(parisDay(now), anneesConservees);
  const borne = bornePurge(premiere);

  // Which organismes hold purged years: read from the monthly counters (every effectif is counted there in each
  // month of its year, and their key starts with the year), not by scanning the effectifs.
  const paires = await db
    .selectDistinct({ organismeId: effectifStatutsMois.organismeId, anneeScolaire: effectifStatutsMois.anneeScolaire })
    .from(effectifStatutsMois)
    .where(and(lt(effectifStatutsMois.anneeScolaire, borne), sql`${effectifStatutsMois.n} > 0`))
    .all();

  let purges = 0;
  let batches = 0;
  let rapports = 0;
  for (const { organismeId, anneeScolaire } of paires) {
    for (;;) {
      if (batches >= maxBatches) return summarise(false);
      const lot = await db
        .select({ id: effectifs.id })
        .from(effectifs)
        .where(and(eq(effectifs.organismeId, organismeId), eq(effectifs.anneeScolaire, anneeScolaire)))
        .limit(batch)
        .all();
      if (lot.length === 0) break;
      const lotIds = lot.map((e) => e.id);
      await db.batch([
        db.delete(effectifStatuts).where(sql`${effectifStatuts.effectifId} IN ${ids(lotIds)}`),
        db.delete(suiviEvenements).where(sql`${suiviEvenements.effectifId} IN ${ids(lotIds)}`),
        db.delete(suivisMissionLocale).where(sql`${suivisMissionLocale.effectifId} IN ${ids(lotIds)}`),
        db.delete(effectifs).where(sql`${effectifs.id} IN ${ids(lotIds)}`),
      ]);
      purges += lot.length;
      batches++;
    }
    const deleted = await db
      .delete(dossiersRecus)
      .where(and(eq(dossiersRecus.organismeId, organismeId), eq(dossiersRecus.anneeScolaire, anneeScolaire)))
      .run();
    rapports += deleted.meta.changes;
  }
  // The purged years' counters are all zero now: drop them.
  await db.batch([
    db.delete(effectifStatutsMois).where(lt(effectifStatutsMois.anneeScolaire, borne)),
    db.delete(effectifStatutsVariations).where(lt(effectifStatutsVariations.anneeScolaire, borne)),
  ]);
  return summarise(true);

  async function summarise(termine: boolean): Promise<RetentionResult> {
    const result = { premiereAnneeConservee: premiere, effectifs: purges, dossiersRecus: rapports, termine };
    if (purges > 0 || rapports > 0)
      await insertAudit(db, {
        organismeId: null,
        userId: null,
        actor: "Tableau de bord (tâche quotidienne)",
        action: "retention-annees-scolaires",
        detail: JSON.stringify(result),
        at: now.toISOString(),
      }).run();
    return result;
  }
}
