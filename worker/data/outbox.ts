/** Outgoing e-mails (`outbox_emails`), drained later by a mail provider. */
import { outboxEmails } from "../../db/schema";
import type { Database } from "./db";

export type OutboxEmail = typeof outboxEmails.$inferSelect;

export const insertOutboxEmail = (db: Database, mail: Pick<OutboxEmail, "to" | "subject" | "body" | "createdAt">) =>
  db.insert(outboxEmails).values(mail).run();
