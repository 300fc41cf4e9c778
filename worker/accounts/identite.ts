/** The rules of a person's identity, shared by the sign-up (`/api/auth/inscription`) and Mon compte (`/api/compte`). */
import { z } from "zod";

export const emailSchema = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "L'adresse e-mail n'est pas valide (ex. nom@domaine.fr)." }));

export const nameSchema = (label: string) =>
  z
    .string({ error: `Indiquez votre ${label}.` })
    .trim()
    .min(1, { error: `Indiquez votre ${label}.` })
    .max(100, { error: `Votre ${label} est trop long.` });

export const civiliteSchema = z.enum(["Madame", "Monsieur"], { error: "Choisissez votre civilité." });

/** The answer to an e-mail already used by another account (sign-up, change of e-mail). */
export const EMAIL_TAKEN =
  "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.";
