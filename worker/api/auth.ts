import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { appOriginOf, compteAValiderMail, reinitialisationMail } from "../accounts/emails";
import { findOrCreateOrganisation } from "../accounts/organisations";
import { civiliteSchema, EMAIL_TAKEN, emailSchema, nameSchema } from "../accounts/identite";
import { passwordSchema } from "../accounts/password";
import { database } from "../data/db";
import { claimPasswordReset, insertPasswordReset } from "../data/password-resets";
import {
  activeAdministratorEmails,
  activeMemberEmails,
  changePassword,
  findLogin,
  findMe,
  findResettable,
  insertUserIfEmailFree,
  isEmailTaken,
} from "../data/users";
import type { MessageResponse, SessionResponse } from "../domain/comptes";
import { hashPassword, randomToken, sha256Hex, verifyPassword } from "../lib/crypto";
import { badRequest, conflict, forbidden, unauthorized } from "../lib/errors";
import { createMailer } from "../lib/mailer";
import { enforceRateLimit, forgiveAttempts, reserveAttempts } from "../lib/rate-limit";
import { endSession, startSession } from "../lib/session";
import { closeLiveSessions } from "../connection/live-sessions";
import { validate } from "../lib/validate";

export const authRoutes = new Hono<AppEnv>();

/** Failed logins tolerated per minute, per e-mail and per IP, before a 429. */
export const LOGIN_FAILURES_PER_EMAIL = 10;
export const LOGIN_FAILURES_PER_IP = 50;
const SIGNUPS_PER_IP = 10;
const RESET_REQUESTS_PER_EMAIL = 3;
const RESET_REQUESTS_PER_IP = 10;
export const RESET_TOKEN_MINUTES = 60;

const TOO_MANY_LOGINS = "Trop de tentatives de connexion. Veuillez réessayer dans une minute.";
/** Same answer for an unknown e-mail and a wrong password: the form must not reveal who has an account. */
const BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

const clientIp = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "local";

const inscriptionSchema = z.object({
  categorie: z.enum(["ORGANISME_FORMATION", "RESEAU", "DREETS", "DDETS", "ACADEMIE", "MISSION_LOCALE", "ARML"], {
    error: "Choisissez votre catégorie.",
  }),
  organismeId: z.string().optional(),
  missionLocaleId: z.string().optional(),
  reseau: z.string().optional(),
  codeTerritoire: z.string().optional(),
  civilite: civiliteSchema,
  prenom: nameSchema("prénom"),
  nom: nameSchema("nom"),
  fonction: z
    .string()
    .trim()
    .max(100, { error: "Votre fonction est trop longue (100 caractères au plus)." })
    .optional(),
  email: emailSchema,
  password: passwordSchema,
});

authRoutes.post("/inscription", validate("json", inscriptionSchema), async (c) => {
  const body = c.req.valid("json");
  await enforceRateLimit(
    c.env,
    `inscription-ip:${clientIp(c)}`,
    SIGNUPS_PER_IP,
    "Trop d'inscriptions depuis cette adresse. Veuillez réessayer dans une minute.",
  );
  const db = database(c.env.DB);
  if (await isEmailTaken(db, body.email)) throw conflict(EMAIL_TAKEN);

  const organisation = await findOrCreateOrganisation(db, body);
  const userId = crypto.randomUUID();
  // Two simultaneous sign-ups with one e-mail end in one account and one 409, not a 500.
  const inserted = await insertUserIfEmailFree(db, {
    id: userId,
    email: body.email,
    passwordHash: await hashPassword(body.password),
    civilite: body.civilite,
    prenom: body.prenom,
    nom: body.nom,
    fonction: body.fonction || null,
    organisationId: organisation.id,
    status: "pending",
    isAdmin: false,
    createdAt: new Date().toISOString(),
  });
  if (!inserted) throw conflict(EMAIL_TAKEN);

  await notifyValidators(c, organisation.id, organisation.label, body);
  await startSession(c, userId);
  return c.json({ user: (await findMe(db, userId)) ?? null } satisfies SessionResponse, 201);
});

/** "Compte à valider" goes to the organisation's active members, or to the administrators when it has none. */
async function notifyValidators(
  c: Context<AppEnv>,
  organisationId: string,
  organisationLabel: string,
  demandeur: { civilite: string; prenom: string; nom: string; email: string },
): Promise<void> {
  const db = database(c.env.DB);
  const members = await activeMemberEmails(db, organisationId);
  const recipients = members.length ? members : await activeAdministratorEmails(db);
  const mailer = createMailer(c.env);
  const origin = appOriginOf(c.env.APP_ORIGIN, c.req.url);
  for (const { email } of recipients)
    await mailer.send(compteAValiderMail(email, demandeur, organisationLabel, origin));
}

const connexionSchema = z.object({
  email: z
    .string({ error: "Indiquez votre adresse e-mail." })
    .trim()
    .min(1, { error: "Indiquez votre adresse e-mail." })
    .toLowerCase(),
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, { error: "Indiquez votre mot de passe." }),
});

/** Compared against when the e-mail is unknown, so that both failures take the same time. Kept as a string, not a
 * promise: a promise shared between requests would be resolved in another request's context. */
let decoyHash: string | undefined;

authRoutes.post("/connexion", validate("json", connexionSchema), async (c) => {
  const { email, password } = c.req.valid("json");
  // Counted before the password is checked, so that parallel guesses cannot all be evaluated; given back below
  // when the password is right (only failures are limited).
  const attempts = await reserveAttempts(
    c.env,
    [
      { bucket: `login-email:${email}`, limit: LOGIN_FAILURES_PER_EMAIL },
      { bucket: `login-ip:${clientIp(c)}`, limit: LOGIN_FAILURES_PER_IP },
    ],
    TOO_MANY_LOGINS,
  );

  const db = database(c.env.DB);
  const user = await findLogin(db, email);
  decoyHash ??= await hashPassword(randomToken());
  const valid = await verifyPassword(password, user?.passwordHash ?? decoyHash);
  if (!user || !valid) throw unauthorized(BAD_CREDENTIALS);
  await forgiveAttempts(c.env, attempts);
  if (user.status === "disabled") throw forbidden("Ce compte a été désactivé. Contactez un administrateur.");
  await startSession(c, user.id);
  return c.json({ user: (await findMe(db, user.id)) ?? null } satisfies SessionResponse);
});

const deconnexion = async (c: Context<AppEnv>) => {
  await endSession(c);
  return c.json({ ok: true });
};
authRoutes.post("/deconnexion", deconnexion);
authRoutes.post("/logout", deconnexion);

authRoutes.get("/me", async (c) => {
  const user = c.var.user;
  const me = user && (await findMe(database(c.env.DB), user.id));
  if (!me) throw unauthorized();
  return c.json({ user: me } satisfies SessionResponse);
});

/** For the web app: the current user or null, always 200 (a visitor is not an error in the browser's console). */
authRoutes.get("/session", async (c) => {
  const user = c.var.user;
  return c.json({ user: (user && (await findMe(database(c.env.DB), user.id))) || null } satisfies SessionResponse);
});

authRoutes.post("/mot-de-passe-oublie", validate("json", z.object({ email: emailSchema })), async (c) => {
  const { email } = c.req.valid("json");
  // Bounds the e-mails one client can make us send, whatever the addresses it tries.
  await enforceRateLimit(
    c.env,
    `reset-ip:${clientIp(c)}`,
    RESET_REQUESTS_PER_IP,
    "Trop de demandes depuis cette adresse. Veuillez réessayer dans une minute.",
  );
  // Bounds the e-mails one can make us send to somebody.
  await enforceRateLimit(
    c.env,
    `reset-email:${email}`,
    RESET_REQUESTS_PER_EMAIL,
    "Trop de demandes pour cette adresse. Veuillez réessayer dans une minute.",
  );
  const db = database(c.env.DB);
  const user = await findResettable(db, email);
  if (user) {
    const token = randomToken();
    await insertPasswordReset(db, {
      tokenHash: await sha256Hex(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000).toISOString(),
    });
    const link = `${appOriginOf(c.env.APP_ORIGIN, c.req.url)}/reinitialisation?token=${token}`;
    await createMailer(c.env).send(reinitialisationMail(user, link, RESET_TOKEN_MINUTES));
  }
  return c.json({
    message:
      "Si un compte existe pour cette adresse, vous allez recevoir un e-mail avec un lien pour choisir un nouveau mot de passe.",
  } satisfies MessageResponse);
});

const reinitialisationSchema = z.object({
  token: z
    .string({ error: "Le lien de réinitialisation est incomplet." })
    .min(1, { error: "Le lien de réinitialisation est incomplet." }),
  password: passwordSchema,
});

authRoutes.post("/reinitialiser-mot-de-passe", validate("json", reinitialisationSchema), async (c) => {
  const body = c.req.valid("json");
  const db = database(c.env.DB);
  const userId = await claimPasswordReset(db, await sha256Hex(body.token), new Date().toISOString());
  if (!userId)
    throw badRequest(
      "Ce lien de réinitialisation n'est plus valide (déjà utilisé ou expiré). Faites une nouvelle demande.",
    );
  // A reset ends every open session (and its live sockets) and every other link of the user.
  const ended = await changePassword(db, userId, await hashPassword(body.password));
  await closeLiveSessions(c.env, { sessionHashes: ended });
  return c.json({ message: "Votre mot de passe a été modifié. Vous pouvez vous connecter." } satisfies MessageResponse);
});
