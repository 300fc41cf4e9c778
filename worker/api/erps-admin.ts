/**
 * The ERP catalogue for administrators (SPEC §4, §11): list with how many organismes chose each ERP, add, rename,
 * key flow or manual, deactivate / reactivate. A deactivated ERP is no longer offered on Paramètres; an organisme
 * that chose it keeps transmitting and sees a notice. Every change audited.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { conflict, notFound } from "../lib/errors";
import { requireAdministrator } from "../lib/permissions";
import { validate } from "../lib/validate";
import { insertAudit } from "../data/audit-log";
import { database } from "../data/db";
import { findErp, findErpByLabel, insertErp, listErpsAvecUsage, updateErp } from "../data/erps";
import { displayName } from "../connection/hub";
import { erpIdOf, type ErpsCatalogueResponse } from "../domain/erps-catalogue";

const label = z
  .string({ error: "Indiquez le nom de l'ERP." })
  .trim()
  .min(1, { error: "Indiquez le nom de l'ERP." })
  .max(100, { error: "Le nom de l'ERP est trop long (100 caractères au plus)." });

const catalogue = async (c: Context<AppEnv>) =>
  c.json({ erps: await listErpsAvecUsage(database(c.env.DB)) } satisfies ErpsCatalogueResponse);

async function audit(c: Context<AppEnv>, action: string, detail: unknown) {
  const user = requireAdministrator(c);
  await insertAudit(database(c.env.DB), {
    organismeId: null,
    userId: user.id,
    actor: `${displayName(user)} (administration)`,
    action,
    detail: JSON.stringify(detail),
    at: new Date().toISOString(),
  }).run();
}

export const erpsAdminRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    requireAdministrator(c);
    return catalogue(c);
  })
  .post(
    "/",
    validate(
      "json",
      z.object({ label, apiKeySupport: z.boolean({ error: "Indiquez si l'ERP utilise la clé d'échange." }) }),
    ),
    async (c) => {
      requireAdministrator(c);
      const db = database(c.env.DB);
      const body = c.req.valid("json");
      if (await findErpByLabel(db, body.label)) throw conflict(`L'ERP « ${body.label} » est déjà dans la liste.`);
      const base = erpIdOf(body.label);
      let id = base;
      for (let n = 2; !(await insertErp(db, { id, label: body.label, apiKeySupport: body.apiKeySupport })); n++)
        id = `${base}-${n}`;
      await audit(c, "erp-ajoute", { id, ...body });
      return catalogue(c);
    },
  )
  .patch(
    "/:id",
    validate("param", z.object({ id: z.string().min(1).max(100) })),
    validate(
      "json",
      z
        .object({ label: label.optional(), apiKeySupport: z.boolean().optional(), actif: z.boolean().optional() })
        .refine((b) => Object.keys(b).length > 0, { error: "Rien à modifier." }),
    ),
    async (c) => {
      requireAdministrator(c);
      const db = database(c.env.DB);
      const { id } = c.req.valid("param");
      const changes = c.req.valid("json");
      const avant = await findErp(db, id);
      if (!avant) throw notFound("Cet ERP n'est pas dans la liste.");
      if (changes.label) {
        const homonyme = await findErpByLabel(db, changes.label);
        if (homonyme && homonyme.id !== id) throw conflict(`L'ERP « ${changes.label} » est déjà dans la liste.`);
      }
      await updateErp(db, id, changes);
      await audit(c, "erp-modifie", {
        id,
        avant: { label: avant.label, apiKeySupport: avant.apiKeySupport, actif: avant.actif },
        changes,
      });
      return catalogue(c);
    },
  );
