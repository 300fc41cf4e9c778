/**
 * "Mon organisation" (`/api/organisation/*`): the members of the caller's organisation and their invitations. Any
 * active user reads them; only an administrateur of the organisation invites (a link valid 7 days, used once, sent
 * through the outbox), revokes an invitation, changes a role or removes a member (their sessions and sockets end at
 * once); the last administrateur can be neither demoted nor removed. The invited person opens the link without a
 * session (`/invitation…`): a new account is created active in the organisation, or an existing one logs in and
 * accepts. Every change writes an audit row.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv, SessionUser } from "../env";
import { appOriginOf, invitationMail } from "../accounts/emails";
import { civiliteSchema, emailSchema, nameSchema } from "../accounts/identite";
import { passwordSchema } from "../accounts/password";
import { displayName } from "../connection/hub";
import { closeLiveSessions } from "../connection/live-sessions";
import { insertAudit, type AuditEntry } from "../data/audit-log";
import { database, type Database } from "../data/db";
import {
  changeRole,
  claimInvitation,
  countAdministrateurs,
  findInvitationValable,
  findMembre,
  findOrganisationDe,
  insertInvitation,
  joinOrganisation,
  listInvitationsEnAttente,
  listMembres,
  reactiverMembreInvite,
  releaseInvitation,
  retirerMembre,
  revokeInvitation,
  type InvitationValable,
} from "../data/membres";
import { findLogin, insertUserIfEmailFree } from "../data/users";
import {
  INVITATION_JOURS,
  ROLE_LIBELLES,
  ROLES,
  type InvitationAcceptee,
  type InvitationEnvoyee,
  type InvitationOuverte,
  type MonOrganisationResponse,
} from "../domain/membres";
import { hashPassword, randomToken, sha256Hex } from "../lib/crypto";
import { conflict, forbidden, notFound } from "../lib/errors";
import { createMailer } from "../lib/mailer";
import { enforceRateLimit } from "../lib/rate-limit";
import { requireActiveUser, requireUser, startSession } from "../lib/session";
import { validate } from "../lib/validate";

/** Invitations one administrateur may send per minute. */
export const INVITATIONS_PAR_MINUTE = 20;
const JOUR_MS = 24 * 3600_000;

export const DERNIER_ADMINISTRATEUR =
  "Votre organisation doit garder au moins un administrateur : nommez d'abord un autre administrateur.";
const INVITATION_INVALIDE =
  "Ce lien d'invitation n'est plus valable : il a expiré, a déjà été utilisé ou a été annulé. Demandez une nouvelle " +
  "invitation à un administrateur de l'organisation.";
const RESERVE_ADMINISTRATEURS = "Seuls les administrateurs de votre organisation peuvent gérer ses membres.";

/** An active user of the organisation (every route of Mon organisation but the invitation's own). */
const actif = createMiddleware<AppEnv>(async (c, next) => {
  requireActiveUser(c);
  await next();
});

/** An active administrateur of their organisation, checked before any input is read. */
const administrateur = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireActiveUser(c);
  if (user.role !== "administrateur") throw forbidden(RESERVE_ADMINISTRATEURS);
  await next();
});

/** The audit row of a change in `organisation` (its organisme's journal shows it, for an OFA). */
const audit = (
  user: Pick<SessionUser, "id" | "prenom" | "nom">,
  organismeId: string | null,
  action: string,
  detail: string,
): AuditEntry => ({
  organismeId,
  userId: user.id,
  actor: displayName(user),
  action,
  detail,
  at: new Date().toISOString(),
});

async function organisationOf(db: Database, user: SessionUser) {
  const organisation = await findOrganisationDe(db, user.organisationId);
  if (!organisation) throw notFound("Organisation introuvable.");
  return organisation;
}

async function monOrganisation(db: Database, user: SessionUser): Promise<MonOrganisationResponse> {
  const now = new Date().toISOString();
  const peutGerer = user.role === "administrateur";
  const [organisation, membres, invitations] = await Promise.all([
    organisationOf(db, user),
    listMembres(db, user.organisationId),
    peutGerer ? listInvitationsEnAttente(db, user.organisationId, now) : Promise.resolve([]),
  ]);
  return {
    organisation: { id: organisation.id, label: organisation.label, type: organisation.type },
    role: user.role,
    peutGerer,
    membres: membres.map((m) => ({
      ...m,
      status: m.status === "active" ? "active" : "pending",
      moi: m.id === user.id,
    })),
    invitations,
  };
}

/** The member `id` of the caller's organisation, not removed, or a 404. */
async function membreDe(db: Database, user: SessionUser, id: string) {
  const membre = await findMembre(db, user.organisationId, id);
  if (!membre || membre.status === "disabled") throw notFound("Ce membre ne fait pas partie de votre organisation.");
  return membre;
}

const roleSchema = z.enum(ROLES, { error: "Choisissez le rôle : administrateur ou membre." });
const idParam = validate("param", z.object({ id: z.string() }));
const jetonSchema = z
  .string({ error: "Le lien d'invitation est incomplet." })
  .trim()
  .min(1, { error: "Le lien d'invitation est incomplet." })
  .max(200, { error: "Le lien d'invitation n'est pas valide." });

/** The invitation of a link, still usable now, or a French 404. */
async function invitationDuJeton(db: Database, jeton: string): Promise<InvitationValable> {
  const invitation = await findInvitationValable(db, await sha256Hex(jeton), new Date().toISOString());
  if (!invitation) throw notFound(INVITATION_INVALIDE);
  return invitation;
}

/** The account already holding the invitation's e-mail, unless it is a member removed from that very organisation. */
async function compteExistant(db: Database, invitation: InvitationValable) {
  const compte = await findLogin(db, invitation.email);
  if (!compte) return null;
  const retire = await findMembre(db, invitation.organisationId, compte.id);
  return retire?.status === "disabled" ? { ...compte, retire: true } : { ...compte, retire: false };
}

export const organisationMembresRoutes = new Hono<AppEnv>()
  .get("/membres", actif, async (c) => {
    const user = requireActiveUser(c);
    return c.json((await monOrganisation(database(c.env.DB), user)) satisfies MonOrganisationResponse);
  })

  /** An invitation by e-mail: a link valid 7 days, used once; a new one to the same address replaces the previous. */
  .post(
    "/invitations",
    administrateur,
    validate("json", z.object({ email: emailSchema, role: roleSchema })),
    async (c) => {
      const user = requireActiveUser(c);
      const { email, role } = c.req.valid("json");
      await enforceRateLimit(
        c.env,
        `invitations:${user.id}`,
        INVITATIONS_PAR_MINUTE,
        "Trop d'invitations envoyées. Veuillez réessayer dans une minute.",
      );
      const db = database(c.env.DB);
      const organisation = await organisationOf(db, user);
      const deja = (await listMembres(db, user.organisationId)).find((m) => m.email === email);
      if (deja) throw conflict(`${email} fait déjà partie de votre organisation.`);
      const token = randomToken();
      const now = Date.now();
      const invitation = {
        id: crypto.randomUUID(),
        organisationId: organisation.id,
        email,
        role,
        tokenHash: await sha256Hex(token),
        invitedBy: user.id,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + INVITATION_JOURS * JOUR_MS).toISOString(),
      };
      await insertInvitation(
        db,
        invitation,
        audit(user, organisation.organismeId, "invitation_envoyee", `${email} (${ROLE_LIBELLES[role].toLowerCase()})`),
      );
      const link = `${appOriginOf(c.env.APP_ORIGIN, c.req.url)}/invitation?jeton=${token}`;
      await createMailer(c.env).send(
        invitationMail(email, user, organisation.label, ROLE_LIBELLES[role], link, INVITATION_JOURS),
      );
      return c.json(
        {
          invitation: {
            id: invitation.id,
            email,
            role,
            createdAt: invitation.createdAt,
            expiresAt: invitation.expiresAt,
            invitePar: displayName(user),
          },
          message: `Une invitation a été envoyée à ${email}. Le lien est valable ${INVITATION_JOURS} jours.`,
        } satisfies InvitationEnvoyee,
        201,
      );
    },
  )

  .post("/invitations/:id/revoquer", administrateur, idParam, async (c) => {
    const user = requireActiveUser(c);
    const db = database(c.env.DB);
    const organisation = await organisationOf(db, user);
    const done = await revokeInvitation(
      db,
      user.organisationId,
      c.req.valid("param").id,
      new Date().toISOString(),
      (email) => audit(user, organisation.organismeId, "invitation_annulee", email),
    );
    if (!done) throw notFound("Cette invitation n'est plus en attente.");
    return c.json((await monOrganisation(db, user)) satisfies MonOrganisationResponse);
  })

  .post("/membres/:id/role", administrateur, idParam, validate("json", z.object({ role: roleSchema })), async (c) => {
    const user = requireActiveUser(c);
    const { role } = c.req.valid("json");
    const db = database(c.env.DB);
    const organisation = await organisationOf(db, user);
    const membre = await membreDe(db, user, c.req.valid("param").id);
    if (membre.role !== role) {
      const detail = `${membre.email} : ${ROLE_LIBELLES[membre.role].toLowerCase()} → ${ROLE_LIBELLES[role].toLowerCase()}`;
      const done = await changeRole(
        db,
        user.organisationId,
        membre.id,
        role,
        audit(user, organisation.organismeId, "membre_role_modifie", detail),
      );
      if (!done) throw conflict(DERNIER_ADMINISTRATEUR);
    }
    // The caller may have demoted themself: the answer says what they may do now.
    const self = membre.id === user.id ? { ...user, role } : user;
    return c.json((await monOrganisation(db, self)) satisfies MonOrganisationResponse);
  })

  /** Removes a member: status disabled, their sessions and live sockets ended at once. */
  .post("/membres/:id/retirer", administrateur, idParam, async (c) => {
    const user = requireActiveUser(c);
    const db = database(c.env.DB);
    const organisation = await organisationOf(db, user);
    const membre = await membreDe(db, user, c.req.valid("param").id);
    const ended = await retirerMembre(
      db,
      user.organisationId,
      membre.id,
      audit(user, organisation.organismeId, "membre_retire", membre.email),
    );
    if (!ended) throw conflict(DERNIER_ADMINISTRATEUR);
    await closeLiveSessions(c.env, { userId: membre.id });
    return c.json((await monOrganisation(db, user)) satisfies MonOrganisationResponse);
  })

  // ── The invitation's link (no session needed) ─────────────────────────────────────────────────────────────────

  .get("/invitation", validate("query", z.object({ jeton: jetonSchema })), async (c) => {
    const db = database(c.env.DB);
    const invitation = await invitationDuJeton(db, c.req.valid("query").jeton);
    const compte = await compteExistant(db, invitation);
    c.header("Cache-Control", "no-store");
    return c.json({
      organisationLabel: invitation.organisationLabel,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      compteExistant: compte !== null && !compte.retire,
    } satisfies InvitationOuverte);
  })

  /**
   * Creates the invited person's account, active in the organisation with the invitation's role, and logs them in.
   * An e-mail that already has an account is told to log in and accept (a member removed from this organisation
   * gets their account back instead, with this identity and password).
   */
  .post(
    "/invitation/compte",
    validate(
      "json",
      z.object({
        jeton: jetonSchema,
        civilite: civiliteSchema,
        prenom: nameSchema("prénom"),
        nom: nameSchema("nom"),
        password: passwordSchema,
      }),
    ),
    async (c) => {
      const body = c.req.valid("json");
      const db = database(c.env.DB);
      const invitation = await invitationDuJeton(db, body.jeton);
      const existant = await compteExistant(db, invitation);
      if (existant && !existant.retire)
        throw conflict(
          "Un compte existe déjà avec cette adresse e-mail : connectez-vous, puis acceptez l'invitation depuis ce lien.",
        );
      const passwordHash = await hashPassword(body.password);
      const now = new Date().toISOString();
      if (!(await claimInvitation(db, invitation.id, now))) throw notFound(INVITATION_INVALIDE);
      const identite = { civilite: body.civilite, prenom: body.prenom, nom: body.nom };
      const entry = audit(
        { id: existant?.id ?? "", ...identite },
        invitation.organismeId,
        "invitation_acceptee",
        `${invitation.email} (${ROLE_LIBELLES[invitation.role].toLowerCase()})`,
      );
      let userId: string;
      if (existant) {
        userId = existant.id;
        await reactiverMembreInvite(db, userId, invitation, { ...identite, passwordHash }, { ...entry, userId });
      } else {
        userId = crypto.randomUUID();
        const inserted = await insertUserIfEmailFree(db, {
          id: userId,
          email: invitation.email,
          passwordHash,
          ...identite,
          fonction: null,
          organisationId: invitation.organisationId,
          role: invitation.role,
          status: "active",
          isAdmin: false,
          validatedAt: now,
          validatedBy: invitation.invitedBy,
          createdAt: now,
        });
        if (!inserted) {
          await releaseInvitation(db, invitation.id);
          throw conflict(
            "Un compte existe déjà avec cette adresse e-mail : connectez-vous, puis acceptez l'invitation.",
          );
        }
        await insertAudit(db, { ...entry, userId }).run();
      }
      await startSession(c, userId);
      return c.json(
        {
          message: `Votre compte est créé : vous faites partie de ${invitation.organisationLabel}.`,
        } satisfies InvitationAcceptee,
        201,
      );
    },
  )

  /**
   * A logged-in user whose e-mail is the invitation's joins its organisation (leaving theirs, unless they are its last
   * administrateur and others remain); their live sockets of the former organisation are closed.
   */
  .post("/invitation/accepter", validate("json", z.object({ jeton: jetonSchema })), async (c) => {
    const user = requireUser(c);
    if (user.status === "disabled") throw forbidden("Ce compte a été désactivé. Contactez un administrateur.");
    const db = database(c.env.DB);
    const invitation = await invitationDuJeton(db, c.req.valid("json").jeton);
    if (invitation.email !== user.email)
      throw forbidden(
        `Cette invitation a été envoyée à ${invitation.email} : connectez-vous avec ce compte pour l'accepter.`,
      );
    const memeOrganisation = user.organisationId === invitation.organisationId;
    if (memeOrganisation && user.status === "active")
      throw conflict(`Vous faites déjà partie de ${invitation.organisationLabel}.`);
    if (!memeOrganisation && user.status === "active" && user.role === "administrateur") {
      const autres = (await listMembres(db, user.organisationId)).filter(
        (m) => m.id !== user.id && m.status === "active",
      );
      if (autres.length > 0 && (await countAdministrateurs(db, user.organisationId)) <= 1)
        throw conflict(
          "Vous êtes le dernier administrateur de votre organisation actuelle : nommez d'abord un autre administrateur.",
        );
    }
    if (!(await claimInvitation(db, invitation.id, new Date().toISOString()))) throw notFound(INVITATION_INVALIDE);
    await joinOrganisation(
      db,
      user.id,
      invitation,
      audit(
        user,
        invitation.organismeId,
        "invitation_acceptee",
        `${invitation.email} (${ROLE_LIBELLES[invitation.role].toLowerCase()})`,
      ),
    );
    // What they watched as a user of their former organisation is no longer theirs.
    if (!memeOrganisation) await closeLiveSessions(c.env, { userId: user.id });
    return c.json({
      message: `Invitation acceptée : vous faites partie de ${invitation.organisationLabel}.`,
    } satisfies InvitationAcceptee);
  });
