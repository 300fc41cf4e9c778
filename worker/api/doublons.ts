/**
 * Doublons (`/api/organismes/:id/doublons`): the suspected duplicates of the organisme and its formateurs, and their
 * resolution — "Garder celui-ci" (the other one removed, its data kept in the audit log) or "Ce n'est pas un
 * doublon" (never suggested again). Both audited; both tell the organismes' hubs so that the open screens refresh.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { database } from "../data/db";
import { insertAudit } from "../data/audit-log";
import { findDoublonATraiter, listDoublons, marquerPasUnDoublon } from "../data/doublons";
import { findEffectifASupprimer, supprimerEffectif } from "../data/effectif-suppression";
import { logNominativeAccess } from "../data/downloads-log";
import { conflict, notFound } from "../lib/errors";
import { requireConfiguration, requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { displayName, organismeHub } from "../connection/hub";
import { notifyPerimetres } from "../connection/perimetre-hub";
import { todayParis } from "../domain/dates";
import { DOUBLON_ALIMENTE_PAR_ERP, dossierModifiable } from "../domain/correction-dossier";
import type { DoublonsPage, ResolutionDoublon } from "../domain/doublons";
import { pageQuery } from "../domain/query-schemas";

const PAGE_SIZE_MAX = 100;

const resolutionBody = z.object({
  effectifs: z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)], {
    error: "Les deux dossiers de la paire sont attendus.",
  }),
  /** "Garder celui-ci": the one kept (one of the pair); absent: "Ce n'est pas un doublon" */
  conserver: z.string().max(100).optional(),
});

/** The organismes whose screens show these effectifs: their hubs, and the perimeters that count them. */
export async function notifyEffectifsChanged(c: Context<AppEnv>, organismeIds: string[]): Promise<void> {
  const ids = [...new Set(organismeIds)];
  const results = await Promise.allSettled([
    ...ids.map((id) => organismeHub(c.env, id).notifyEffectifsChanged()),
    notifyPerimetres(c.env, ids),
  ]);
  for (const r of results) if (r.status === "rejected") console.error("notifyEffectifsChanged", r.reason);
}

export const doublonsRoutes = new Hono<AppEnv>()
  .get("/:id/doublons", validate("query", pageQuery(PAGE_SIZE_MAX)), async (c) => {
    const { scope, id, fiche } = requireNominatif(c);
    const user = requireActiveUser(c);
    const { page, taille } = c.req.valid("query");
    const db = database(c.env.DB);
    const mode = (await fiche()).modeTransmission;
    const result = await listDoublons(db, scope, {
      today: todayParis(),
      offset: (page - 1) * taille,
      limit: taille,
      supprimable: (source) => dossierModifiable(source, mode),
    });
    await logNominativeAccess(db, {
      userId: user.id,
      organismeId: id,
      kind: "doublons-page",
      rows: result.doublons.length * 2,
    });
    return c.json({ page, taille, ...result } satisfies DoublonsPage);
  })
  .post("/:id/doublons/resolution", validate("json", resolutionBody), async (c) => {
    requireNominatif(c);
    const { scope, id, fiche } = requireConfiguration(c);
    const user = requireActiveUser(c);
    const { effectifs: pair, conserver } = c.req.valid("json");
    const db = database(c.env.DB);
    const doublon = await findDoublonATraiter(db, scope, pair[0], pair[1]);
    if (!doublon) throw notFound("Ce doublon n'est plus à traiter : la liste a peut-être changé entre-temps.");
    const at = new Date().toISOString();
    const actor = displayName(user);

    if (conserver === undefined) {
      await db.batch([
        marquerPasUnDoublon(db, doublon, actor, at),
        insertAudit(db, {
          organismeId: id,
          userId: user.id,
          actor,
          action: "doublon_pas_un_doublon",
          detail: JSON.stringify({ effectifs: [doublon.effectifA, doublon.effectifB] }),
          at,
        }),
      ]);
      await notifyEffectifsChanged(c, [id]);
      return c.json({ etat: "pas_un_doublon", conserve: null, supprime: null } satisfies ResolutionDoublon);
    }

    if (conserver !== doublon.effectifA && conserver !== doublon.effectifB)
      throw notFound("Le dossier à garder n'appartient pas à ce doublon.");
    const supprime = conserver === doublon.effectifA ? doublon.effectifB : doublon.effectifA;
    const effectif = await findEffectifASupprimer(db, supprime);
    if (!effectif) throw notFound("Ce doublon n'est plus à traiter : la liste a peut-être changé entre-temps.");
    if (!dossierModifiable(effectif.source, (await fiche()).modeTransmission)) throw conflict(DOUBLON_ALIMENTE_PAR_ERP);
    await supprimerEffectif(db, effectif, {
      organismeId: id,
      userId: user.id,
      actor,
      action: "doublon_resolu",
      detail: { conserve: conserver, supprime },
      at,
    });
    await notifyEffectifsChanged(c, [id, effectif.organismeId]);
    return c.json({ etat: "resolu", conserve: conserver, supprime } satisfies ResolutionDoublon);
  });
