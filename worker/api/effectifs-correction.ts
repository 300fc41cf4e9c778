/**
 * Correcting a dossier by hand (`/api/organismes/:id/effectifs/:effectifId`), for the dossiers sent by file or when
 * the organisme transmits by hand: a correction goes through the file import's pipeline (the API's validation, the
 * scope of the organisme, the atomic upsert, the live notification), its identity (année scolaire, id ERP) kept; a
 * deletion asks for a reason, kept in the audit log with the dossier's data. An ERP-fed dossier is a French 409.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { database } from "../data/db";
import { insertAudit } from "../data/audit-log";
import { findDossier } from "../data/effectifs";
import { findEffectifASupprimer, supprimerEffectif, type EffectifASupprimer } from "../data/effectif-suppression";
import { badRequest, conflict, notFound } from "../lib/errors";
import { requireConfiguration, requireNominatif } from "../lib/organisme-access";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";
import { displayName } from "../connection/hub";
import { checkDossiers, ingestDossiers } from "../ingestion/push";
import {
  ERP_SOURCE_DU_DOSSIER,
  MOTIF_MAX,
  dossierModifiable,
  type SuppressionDossier,
} from "../domain/correction-dossier";
import type { DossierNormalise } from "../domain/dossier";
import type { EffectifDetailResponse } from "../domain/effectifs-liste";
import { notifyEffectifsChanged } from "./doublons";

const params = z.object({ effectifId: z.string().max(100) });

const correctionBody = z.object({
  dossier: z.record(z.string(), z.unknown(), { error: "Le dossier corrigé (objet JSON) est attendu." }),
});

const suppressionBody = z.object({
  motif: z
    .string({ error: "Indiquez le motif de la suppression." })
    .trim()
    .min(1, { error: "Indiquez le motif de la suppression." })
    .max(MOTIF_MAX, { error: `Le motif ne doit pas dépasser ${MOTIF_MAX} caractères.` }),
});

/** The effectif, if it is in the scope and the caller may change it (403/404/409 otherwise). */
async function effectifModifiable(c: Context<AppEnv>, effectifId: string): Promise<EffectifASupprimer> {
  requireNominatif(c);
  const { scope, fiche } = requireConfiguration(c);
  const effectif = await findEffectifASupprimer(database(c.env.DB), effectifId);
  if (!effectif || !scope.includes(effectif.organismeId)) throw notFound("Dossier introuvable.");
  if (!dossierModifiable(effectif.source, (await fiche()).modeTransmission)) throw conflict(ERP_SOURCE_DU_DOSSIER);
  return effectif;
}

const FORMATEUR = ["etablissement_formateur_uai", "etablissement_formateur_siret"] as const;

export const effectifsCorrectionRoutes = new Hono<AppEnv>()
  .put("/:id/effectifs/:effectifId", validate("param", params), validate("json", correctionBody), async (c) => {
    const effectif = await effectifModifiable(c, c.req.valid("param").effectifId);
    const user = requireActiveUser(c);
    const stored = JSON.parse(effectif.data) as DossierNormalise;
    // The identity is the stored one, whatever was sent: a correction never makes another dossier.
    const dossier = {
      ...c.req.valid("json").dossier,
      annee_scolaire: effectif.anneeScolaire,
      id_erp_apprenant: effectif.idErpApprenant,
    };
    const [erreurs] = await checkDossiers(c.env, [dossier], c.var.organisme.id);
    if (erreurs.length > 0)
      throw badRequest("Le dossier n'a pas été enregistré : corrigez les champs signalés.", { erreurs });
    const sent = dossier as Record<string, unknown>;
    if (FORMATEUR.some((field) => String(sent[field] ?? "").replace(/\s/g, "") !== String(stored[field] ?? ""))) {
      throw badRequest(
        "L'organisme formateur d'un dossier ne se corrige pas : supprimez ce dossier et ajoutez-le sous son organisme formateur.",
        {
          erreurs: [
            { path: "etablissement_formateur_siret", message: "L'organisme formateur ne peut pas être modifié" },
          ],
        },
      );
    }
    const db = database(c.env.DB);
    const result = await ingestDossiers(c.env, [dossier], {
      organismeId: c.var.organisme.id,
      apiKeyId: null,
      source: "fichier",
      hold: false,
      replace: true,
    });
    const item = result.items[0];
    if (item.outcome === "invalid")
      throw badRequest("Le dossier n'a pas été enregistré : corrigez les champs signalés.", {
        erreurs: item.validation_errors,
      });
    if (item.outcome !== "unchanged") {
      await insertAudit(db, {
        organismeId: c.var.organisme.id,
        userId: user.id,
        actor: displayName(user),
        action: "dossier_corrige",
        detail: JSON.stringify({
          effectif: { id: effectif.id, anneeScolaire: effectif.anneeScolaire, idErpApprenant: effectif.idErpApprenant },
          avant: stored,
        }),
        at: new Date().toISOString(),
      }).run();
    }
    const updated = await findDossier(db, effectif.id);
    if (!updated) throw notFound("Dossier introuvable.");
    return c.json({ effectif: { ...updated, modifiable: true } } satisfies EffectifDetailResponse);
  })
  .post(
    "/:id/effectifs/:effectifId/suppression",
    validate("param", params),
    validate("json", suppressionBody),
    async (c) => {
      const effectif = await effectifModifiable(c, c.req.valid("param").effectifId);
      const user = requireActiveUser(c);
      await supprimerEffectif(database(c.env.DB), effectif, {
        organismeId: c.var.organisme.id,
        userId: user.id,
        actor: displayName(user),
        action: "dossier_supprime",
        detail: { motif: c.req.valid("json").motif },
        at: new Date().toISOString(),
      });
      await notifyEffectifsChanged(c, [c.var.organisme.id, effectif.organismeId]);
      return c.json({ supprime: effectif.id } satisfies SuppressionDossier);
    },
  );
