import type { Mail } from "../lib/mailer";

/** The texts of the account e-mails (French, plain text). */

interface Person {
  civilite: string | null;
  prenom: string;
  nom: string;
  email: string;
}

const fullName = (p: Omit<Person, "email">) => [p.civilite, p.prenom, p.nom].filter(Boolean).join(" ");
const SIGNATURE = "\n\nL'équipe du Tableau de bord de l'apprentissage";

export function compteAValiderMail(to: string, demandeur: Person, organisationLabel: string, appOrigin: string): Mail {
  return {
    to,
    subject: "Un compte est à valider sur le Tableau de bord de l'apprentissage",
    body:
      `Bonjour,\n\n${fullName(demandeur)} (${demandeur.email}) demande l'accès au Tableau de bord de l'apprentissage ` +
      `pour ${organisationLabel}.\n\nSi cette personne fait bien partie de votre organisation, validez son compte ici : ` +
      `${appOrigin}/administration\nSinon, refusez la demande depuis la même page.${SIGNATURE}`,
  };
}

export function compteValideMail(user: Person, appOrigin: string): Mail {
  return {
    to: user.email,
    subject: "Votre compte est validé",
    body:
      `Bonjour ${fullName(user)},\n\nVotre compte sur le Tableau de bord de l'apprentissage a été validé. ` +
      `Vous pouvez vous connecter : ${appOrigin}/connexion${SIGNATURE}`,
  };
}

export function compteRefuseMail(user: Person, supportEmail: string): Mail {
  return {
    to: user.email,
    subject: "Votre demande de compte n'a pas été acceptée",
    body:
      `Bonjour ${fullName(user)},\n\nVotre demande de compte sur le Tableau de bord de l'apprentissage n'a pas été acceptée ` +
      `par votre organisation. S'il s'agit d'une erreur, écrivez-nous à ${supportEmail}.${SIGNATURE}`,
  };
}

export function reinitialisationMail(user: Person, link: string, validityMinutes: number): Mail {
  return {
    to: user.email,
    subject: "Réinitialisation de votre mot de passe",
    body:
      `Bonjour ${fullName(user)},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${validityMinutes} minutes, ` +
      `une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : ` +
      `votre mot de passe reste inchangé.${SIGNATURE}`,
  };
}

/** An invitation to join an organisation: the link (valid `validityDays` days, once) carries the token. */
export function invitationMail(
  to: string,
  invitant: Omit<Person, "email">,
  organisationLabel: string,
  role: string,
  link: string,
  validityDays: number,
): Mail {
  return {
    to,
    subject: `Invitation à rejoindre ${organisationLabel} sur le Tableau de bord de l'apprentissage`,
    body:
      `Bonjour,\n\n${fullName(invitant)} vous invite à rejoindre ${organisationLabel} sur le Tableau de bord de ` +
      `l'apprentissage, avec le rôle ${role.toLowerCase()}.\n\nPour accepter, ouvrez ce lien (valable ${validityDays} jours, ` +
      `une seule fois) :\n${link}\n\nSi vous ne connaissez pas cette personne, ignorez ce message.${SIGNATURE}`,
  };
}

export const SUPPORT_EMAIL = "tableau-de-bord@apprentissage.beta.gouv.fr";

/** Links in e-mails point to the configured origin, never to the request's Host (which a client controls). */
export const appOriginOf = (configured: string, requestUrl: string) =>
  configured.split(",")[0]?.trim() || new URL(requestUrl).origin;
