/**
 * The outbox for administrators (SPEC §11): every message's state (en attente, envoyé, échec with its reason), and
 * "Renvoyer" for a failed one (queued again at once). Administrators only; the retry is audited.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { requireAdministrator } from "../lib/permissions";
import { validate } from "../lib/validate";
import { insertAudit } from "../data/audit-log";
import { database } from "../data/db";
import { countOutbox, listOutbox, requeueEmail } from "../data/outbox";
import { displayName } from "../connection/hub";
import { STATUTS_EMAIL, type EmailsAdministration, type StatutEmail } from "../domain/emails";
import { providerConfig } from "../mail/brevo";

const LISTE_MAX = 200;

export const emailsAdminRoutes = new Hono<AppEnv>()
  .get(
    "/",
    validate("query", z.object({ statut: z.enum(STATUTS_EMAIL, { error: "Statut d'e-mail inconnu." }).optional() })),
    async (c) => {
      requireAdministrator(c);
      const db = database(c.env.DB);
      const compteurs = Object.fromEntries(STATUTS_EMAIL.map((s) => [s, 0])) as Record<StatutEmail, number>;
      for (const { status, n } of await countOutbox(db)) compteurs[status] = n;
      return c.json({
        fournisseurConfigure: providerConfig(c.env) !== null,
        compteurs,
        emails: await listOutbox(db, c.req.valid("query").statut, LISTE_MAX),
      } satisfies EmailsAdministration);
    },
  )
  .post("/:id/renvoyer", validate("param", z.object({ id: z.coerce.number().int().positive() })), async (c) => {
    const user = requireAdministrator(c);
    const db = database(c.env.DB);
    const { id } = c.req.valid("param");
    if (!(await requeueEmail(db, id))) throw notFound("Cet e-mail n'existe pas ou n'est pas en échec.");
    await insertAudit(db, {
      organismeId: null,
      userId: user.id,
      actor: `${displayName(user)} (administration)`,
      action: "email-renvoye",
      detail: JSON.stringify({ id }),
      at: new Date().toISOString(),
    }).run();
    return c.json({ ok: true });
  });
