import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { appOriginOf, compteRefuseMail, compteValideMail, SUPPORT_EMAIL } from "../accounts/emails";
import { database, type Database } from "../data/db";
import {
  findPendingAccount,
  listPendingAccounts,
  refusePendingAccount,
  validatePendingAccount,
  type PendingAccount,
} from "../data/users";
import { isAdministrator } from "../domain/administrateur";
import type { ComptesEnAttenteResponse } from "../domain/comptes";
import { forbidden, notFound } from "../lib/errors";
import { createMailer } from "../lib/mailer";
import { requireActiveUser } from "../lib/session";
import { validate } from "../lib/validate";

/** Accounts waiting for validation, validated by a member of the same organisation or an administrator. */
export const comptesRoutes = new Hono<AppEnv>();

comptesRoutes.get("/", async (c) => {
  const user = requireActiveUser(c);
  const comptes = await listPendingAccounts(database(c.env.DB), isAdministrator(user) ? null : user.organisationId);
  return c.json({ comptes } satisfies ComptesEnAttenteResponse);
});

/** The pending account `id`, if `validator` may decide on it. */
async function pendingAccountFor(db: Database, id: string, validator: SessionUser): Promise<PendingAccount> {
  const compte = await findPendingAccount(db, id);
  if (!compte) throw notFound("Aucun compte en attente de validation ne correspond.");
  if (!isAdministrator(validator) && compte.organisationId !== validator.organisationId) {
    throw forbidden("Seuls les membres de son organisation ou un administrateur peuvent valider ce compte.");
  }
  return compte;
}

const compteParam = validate("param", z.object({ id: z.string() }));

/** The validator, the database and the pending account the route decides on. */
async function decision(c: Context<AppEnv>, id: string) {
  const validator = requireActiveUser(c);
  const db = database(c.env.DB);
  return { validator, db, compte: await pendingAccountFor(db, id, validator) };
}

comptesRoutes.post("/:id/valider", compteParam, async (c) => {
  const { validator, db, compte } = await decision(c, c.req.valid("param").id);
  await validatePendingAccount(db, compte, validator);
  await createMailer(c.env).send(compteValideMail(compte, appOriginOf(c.env.APP_ORIGIN, c.req.url)));
  return c.json({ ok: true });
});

/** A refused request is deleted (the person may sign up again with the right organisation); the audit log keeps it. */
comptesRoutes.post("/:id/refuser", compteParam, async (c) => {
  const { validator, db, compte } = await decision(c, c.req.valid("param").id);
  await refusePendingAccount(db, compte, validator);
  await createMailer(c.env).send(compteRefuseMail(compte, SUPPORT_EMAIL));
  return c.json({ ok: true });
});
