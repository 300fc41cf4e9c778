/** "Mon compte" (`/api/compte/*`): every logged-in user's identity, password and open sessions. */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { civiliteSchema, EMAIL_TAKEN, emailSchema, nameSchema } from "../accounts/identite";
import { passwordSchema } from "../accounts/password";
import { displayName } from "../connection/hub";
import { closeLiveSessions } from "../connection/live-sessions";
import {
  changePasswordKeepingSession,
  endAllSessions,
  findCompte,
  findPasswordHash,
  listUserSessions,
  updateIdentite,
} from "../data/compte";
import type { AuditEntry } from "../data/audit-log";
import { database, type Database } from "../data/db";
import type { MonCompteResponse, MotDePasseModifie } from "../domain/mon-compte";
import { hashPassword, verifyPassword } from "../lib/crypto";
import { badRequest, conflict, unauthorized } from "../lib/errors";
import { forgiveAttempts, reserveAttempts } from "../lib/rate-limit";
import { clearSessionCookie, requireSession, requireUser } from "../lib/session";
import { validate } from "../lib/validate";

/** Wrong current passwords tolerated per minute and per user before a 429 (a stolen session must not guess it). */
export const PASSWORD_CHECKS_PER_USER = 5;

/** How much of a session's hash names it to its user. */
const SESSION_ID_LENGTH = 12;

const audit = (user: SessionUser, action: string, detail: string | null): AuditEntry => ({
  organismeId: null,
  userId: user.id,
  actor: displayName(user),
  action,
  detail,
  at: new Date().toISOString(),
});

async function monCompte(db: Database, user: SessionUser, currentHash: string): Promise<MonCompteResponse> {
  const [compte, sessions] = await Promise.all([findCompte(db, user.id), listUserSessions(db, user.id)]);
  if (!compte) throw unauthorized();
  return {
    compte,
    sessions: sessions.map((s) => ({
      id: s.tokenHash.slice(0, SESSION_ID_LENGTH),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      courante: s.tokenHash === currentHash,
    })),
  };
}

/** A logged-in user (pending accounts too: they may correct their name or e-mail) and their session. */
const caller = (c: Context<AppEnv>) => ({ user: requireUser(c), session: requireSession(c), db: database(c.env.DB) });

const identiteSchema = z.object({
  civilite: civiliteSchema,
  prenom: nameSchema("prénom"),
  nom: nameSchema("nom"),
  email: emailSchema,
});

const motDePasseSchema = z.object({
  motDePasseActuel: z
    .string({ error: "Indiquez votre mot de passe actuel." })
    .min(1, { error: "Indiquez votre mot de passe actuel." }),
  nouveauMotDePasse: passwordSchema,
});

export const compteRoutes = new Hono<AppEnv>()
  // A visitor is a 401 before any body is read.
  .use("*", async (c, next) => {
    requireUser(c);
    await next();
  })
  .get("/", async (c) => {
    const { user, session, db } = caller(c);
    return c.json((await monCompte(db, user, session.tokenHash)) satisfies MonCompteResponse);
  })

  /** Civilité, prénom, nom, e-mail: the sign-up's rules; an e-mail of another account is a 409. */
  .post("/identite", validate("json", identiteSchema), async (c) => {
    const { user, session, db } = caller(c);
    const identite = c.req.valid("json");
    const changes = [
      identite.email !== user.email ? `e-mail : ${user.email} → ${identite.email}` : null,
      identite.civilite !== user.civilite || identite.prenom !== user.prenom || identite.nom !== user.nom
        ? `identité : ${[user.civilite, user.prenom, user.nom].filter(Boolean).join(" ")} → ${identite.civilite} ${identite.prenom} ${identite.nom}`
        : null,
    ].filter(Boolean);
    if (changes.length) {
      const updated = await updateIdentite(db, user.id, identite, audit(user, "compte_modifie", changes.join(" ; ")));
      if (!updated) throw conflict(EMAIL_TAKEN);
    }
    return c.json((await monCompte(db, user, session.tokenHash)) satisfies MonCompteResponse);
  })

  /**
   * Asks the current password, sets the new one, and ends every other session of the user and their live sockets;
   * the session asking stays open.
   */
  .post("/mot-de-passe", validate("json", motDePasseSchema), async (c) => {
    const { user, session, db } = caller(c);
    const { motDePasseActuel, nouveauMotDePasse } = c.req.valid("json");
    const attempts = await reserveAttempts(
      c.env,
      [{ bucket: `mot-de-passe:${user.id}`, limit: PASSWORD_CHECKS_PER_USER }],
      "Trop de tentatives. Veuillez réessayer dans une minute.",
    );
    const stored = await findPasswordHash(db, user.id);
    if (!stored || !(await verifyPassword(motDePasseActuel, stored)))
      throw badRequest("Le mot de passe actuel est incorrect.", { field: "motDePasseActuel" });
    await forgiveAttempts(c.env, attempts);
    if (motDePasseActuel === nouveauMotDePasse)
      throw badRequest("Le nouveau mot de passe doit être différent de l'actuel.", { field: "nouveauMotDePasse" });
    const ended = await changePasswordKeepingSession(
      db,
      user.id,
      await hashPassword(nouveauMotDePasse),
      session.tokenHash,
      audit(user, "mot_de_passe_modifie", "Mot de passe modifié ; les autres sessions sont fermées."),
    );
    await closeLiveSessions(c.env, { sessionHashes: ended });
    return c.json({
      message: `Votre mot de passe a été modifié. ${autresSessions(ended.length)}`,
      sessionsFermees: ended.length,
    } satisfies MotDePasseModifie);
  })

  /** Ends every session of the user, the current one included, and every live socket; the browser goes to the login. */
  .post("/deconnexion-partout", async (c) => {
    const { user, db } = caller(c);
    const ended = await endAllSessions(db, user.id, audit(user, "deconnexion_partout", null));
    await closeLiveSessions(c.env, { userId: user.id });
    clearSessionCookie(c);
    return c.json({ sessionsFermees: ended });
  });

const autresSessions = (n: number) =>
  n === 0
    ? "Vous n'aviez pas d'autre session ouverte."
    : n === 1
      ? "Votre autre session est fermée."
      : `Vos ${n} autres sessions sont fermées.`;
