import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string({ error: "Indiquez un mot de passe." })
  .min(PASSWORD_MIN_LENGTH, { error: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(256, { error: "Le mot de passe est trop long (256 caractères au plus)." });
