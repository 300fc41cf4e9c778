/** Outgoing e-mails (`outbox_emails`), a queue drained by the cron (worker/scheduled/envoi-emails.ts). */
import { and, asc, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { outboxEmails } from "../../db/schema";
import type { Database } from "./db";

export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type OutboxStatus = OutboxEmail["status"];

export const insertOutboxEmail = (db: Database, mail: Pick<OutboxEmail, "to" | "subject" | "body" | "createdAt">) =>
  db.insert(outboxEmails).values(mail).run();

/** The pending messages due at `now`, oldest first. */
export const dueEmails = (db: Database, now: string, limit: number) =>
  db
    .select()
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.status, "pending"),
        or(isNull(outboxEmails.nextAttemptAt), lte(outboxEmails.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(outboxEmails.id))
    .limit(limit)
    .all();

export const markSent = (db: Database, id: number, at: string, providerMessageId: string) =>
  db
    .update(outboxEmails)
    .set({
      status: "sent",
      sentAt: at,
      providerMessageId,
      attempts: sql`${outboxEmails.attempts} + 1`,
      lastError: null,
    })
    .where(eq(outboxEmails.id, id))
    .run();

/** A failed attempt: tried again at `nextAttemptAt`, or failed for good when it is null. */
export const markAttemptFailed = (db: Database, id: number, error: string, nextAttemptAt: string | null) =>
  db
    .update(outboxEmails)
    .set({
      status: nextAttemptAt ? "pending" : "failed",
      attempts: sql`${outboxEmails.attempts} + 1`,
      nextAttemptAt,
      lastError: error,
    })
    .where(eq(outboxEmails.id, id))
    .run();

/** For administrators: the latest messages (a status, or all), newest first, without their bodies. */
export const listOutbox = (db: Database, status: OutboxStatus | undefined, limit: number) =>
  db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      createdAt: outboxEmails.createdAt,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      nextAttemptAt: outboxEmails.nextAttemptAt,
      sentAt: outboxEmails.sentAt,
      lastError: outboxEmails.lastError,
    })
    .from(outboxEmails)
    .where(status ? eq(outboxEmails.status, status) : undefined)
    .orderBy(desc(outboxEmails.id))
    .limit(limit)
    .all();

export const countOutbox = (db: Database) =>
  db
    .select({ status: outboxEmails.status, n: sql<number>`count(*)` })
    .from(outboxEmails)
    .groupBy(outboxEmails.status)
    .all();

/** A failed message queued again, to be sent at the next run; false when it is not a failed one. */
export async function requeueEmail(db: Database, id: number): Promise<boolean> {
  const result = await db
    .update(outboxEmails)
    .set({ status: "pending", nextAttemptAt: null, attempts: 0 })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, "failed")))
    .run();
  return result.meta.changes > 0;
}
