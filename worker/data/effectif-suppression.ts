/**
 * Removing one effectif by hand (a dossier deleted with a reason, or the other one of a duplicate): one atomic batch
 * that keeps its data in the audit log's detail, deletes its parcours intervals first (the triggers on
 * effectif_statuts take it out of the counters, so they stay exact), its report row, its Missions Locales
 * follow-ups, resolves its pairs of doublons, then deletes the effectif.
 */
import { and, eq, inArray } from "drizzle-orm";
import { dossiersRecus, effectifs, effectifStatuts, suiviEvenements, suivisMissionLocale } from "../../db/schema";
import { insertAudit } from "./audit-log";
import type { Database } from "./db";
import { resoudreDoublonsDe } from "./doublons";

export interface EffectifASupprimer {
  id: string;
  organismeId: string;
  anneeScolaire: string;
  idErpApprenant: string;
  source: string;
  data: string;
}

export const findEffectifASupprimer = (db: Database, id: string): Promise<EffectifASupprimer | undefined> =>
  db
    .select({
      id: effectifs.id,
      organismeId: effectifs.organismeId,
      anneeScolaire: effectifs.anneeScolaire,
      idErpApprenant: effectifs.idErpApprenant,
      source: effectifs.source,
      data: effectifs.data,
    })
    .from(effectifs)
    .where(eq(effectifs.id, id))
    .get();

export function supprimerEffectif(
  db: Database,
  effectif: EffectifASupprimer,
  audit: {
    organismeId: string;
    userId: string;
    actor: string;
    action: string;
    /** what the audit row says beside the dossier's data (the reason, the one kept) */
    detail: Record<string, unknown>;
    at: string;
  },
) {
  const ids = [effectif.id];
  return db.batch([
    insertAudit(db, {
      organismeId: audit.organismeId,
      userId: audit.userId,
      actor: audit.actor,
      action: audit.action,
      at: audit.at,
      detail: JSON.stringify({
        ...audit.detail,
        effectif: {
          id: effectif.id,
          organismeId: effectif.organismeId,
          anneeScolaire: effectif.anneeScolaire,
          idErpApprenant: effectif.idErpApprenant,
          source: effectif.source,
        },
        dossier: JSON.parse(effectif.data) as unknown,
      }),
    }),
    db.delete(effectifStatuts).where(inArray(effectifStatuts.effectifId, ids)),
    db.delete(suiviEvenements).where(inArray(suiviEvenements.effectifId, ids)),
    db.delete(suivisMissionLocale).where(inArray(suivisMissionLocale.effectifId, ids)),
    db
      .delete(dossiersRecus)
      .where(
        and(
          eq(dossiersRecus.organismeId, effectif.organismeId),
          eq(dossiersRecus.identity, `${effectif.anneeScolaire}|${effectif.idErpApprenant}`),
        ),
      ),
    resoudreDoublonsDe(db, effectif.id, { par: audit.actor, at: audit.at }),
    db.delete(effectifs).where(eq(effectifs.id, effectif.id)),
  ]);
}
