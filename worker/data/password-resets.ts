/** Password reset links (only the SHA-256 of a link's token is stored). */
import { and, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import { passwordResets } from "../../db/schema";
import type { Database } from "./db";

export type PasswordReset = typeof passwordResets.$inferSelect;

export const insertPasswordReset = (db: Database, reset: Omit<PasswordReset, "usedAt">) =>
  db.insert(passwordResets).values(reset).run();

/**
 * Marks the link used if it is unused and unexpired at `now`, and returns its user; marking it is the claim: only
 * one request can flip used_at from NULL.
 */
export async function claimPasswordReset(db: Database, tokenHash: string, now: string): Promise<string | null> {
  const claimed = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .returning({ userId: passwordResets.userId })
    .get();
  return claimed?.userId ?? null;
}

/** Every link of a user (a statement for a `db.batch`). */
export const deleteUserPasswordResets = (db: Database, userId: string) =>
  db.delete(passwordResets).where(eq(passwordResets.userId, userId));

/** The links expired at `at` or already used (a statement for a `db.batch`). */
export const deleteSpentPasswordResets = (db: Database, at: string) =>
  db.delete(passwordResets).where(or(lte(passwordResets.expiresAt, at), isNotNull(passwordResets.usedAt)));
