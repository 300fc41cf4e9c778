import { Hono, type Context } from "hono";
import type { AppEnv, SessionUser } from "../env";
import { appOriginOf, compteRefuseMail, compteValideMail, SUPPORT_EMAIL } from "../accounts/emails";
import { isAdministrator } from "../accounts/me";
import { forbidden, notFound } from "../lib/errors";
import { createMailer } from "../lib/mailer";
import { requireActiveUser } from "../lib/session";

/** Accounts waiting for validation, validated by a member of the same organisation or an administrator. */
export const comptesRoutes = new Hono<AppEnv>();

interface CompteEnAttente {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  fonction: string | null;
  createdAt: string;
  organisationId: string;
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
}

const PENDING_SELECT = `SELECT u.id, u.email, u.civilite, u.prenom, u.nom, u.fonction, u.created_at AS createdAt,
       u.organisation_id AS organisationId, o.type AS organisationType, o.label AS organisationLabel, o.organisme_id AS organismeId
  FROM users u JOIN organisations o ON o.id = u.organisation_id
 WHERE u.status = 'pending'`;

comptesRoutes.get("/", async (c) => {
  const user = requireActiveUser(c);
  const query = isAdministrator(user)
    ? c.env.DB.prepare(`${PENDING_SELECT} ORDER BY u.created_at`)
    : c.env.DB.prepare(`${PENDING_SELECT} AND u.organisation_id = ? ORDER BY u.created_at`).bind(user.organisationId);
  const { results } = await query.all<CompteEnAttente>();
  return c.json({ comptes: results });
});

/** The pending account `id`, if the current user may decide on it. */
async function pendingAccountFor(c: Context<AppEnv>, validator: SessionUser): Promise<CompteEnAttente> {
  const compte = await c.env.DB.prepare(`${PENDING_SELECT} AND u.id = ?`)
    .bind(c.req.param("id"))
    .first<CompteEnAttente>();
  if (!compte) throw notFound("Aucun compte en attente de validation ne correspond.");
  if (!isAdministrator(validator) && compte.organisationId !== validator.organisationId) {
    throw forbidden("Seuls les membres de son organisation ou un administrateur peuvent valider ce compte.");
  }
  return compte;
}

const audit = (db: D1Database, compte: CompteEnAttente, validator: SessionUser, action: string) =>
  db
    .prepare("INSERT INTO audit_log (organisme_id, user_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(
      compte.organismeId,
      validator.id,
      `${validator.prenom} ${validator.nom}`,
      action,
      compte.email,
      new Date().toISOString(),
    );

comptesRoutes.post("/:id/valider", async (c) => {
  const validator = requireActiveUser(c);
  const compte = await pendingAccountFor(c, validator);
  const now = new Date().toISOString();
  await c.env.DB.batch([
    c.env.DB.prepare(
      "UPDATE users SET status = 'active', validated_at = ?, validated_by = ? WHERE id = ? AND status = 'pending'",
    ).bind(now, validator.id, compte.id),
    audit(c.env.DB, compte, validator, "compte_valide"),
  ]);
  await createMailer(c.env).send(compteValideMail(compte, appOriginOf(c.env.APP_ORIGIN, c.req.url)));
  return c.json({ ok: true });
});

/** A refused request is deleted (the person may sign up again with the right organisation); the audit log keeps it. */
comptesRoutes.post("/:id/refuser", async (c) => {
  const validator = requireActiveUser(c);
  const compte = await pendingAccountFor(c, validator);
  await c.env.DB.batch([
    c.env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(compte.id),
    c.env.DB.prepare("DELETE FROM users WHERE id = ? AND status = 'pending'").bind(compte.id),
    audit(c.env.DB, compte, validator, "compte_refuse"),
  ]);
  await createMailer(c.env).send(compteRefuseMail(compte, SUPPORT_EMAIL));
  return c.json({ ok: true });
});
