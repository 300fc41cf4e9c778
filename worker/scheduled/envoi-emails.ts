/**
 * Sends the outbox (every minute, by the cron): each due message through the provider (worker/mail/brevo.ts);
 * a retryable failure is tried again later with exponential backoff (1 min, 2, 4 … at most 6 h), a permanent one or
 * the MAX_ATTEMPTS-th fails for good with its reason — visible to administrators (/api/administration/emails).
 */
import { database } from "../data/db";
import { dueEmails, markAttemptFailed, markSent } from "../data/outbox";
import type { Env } from "../env";
import { MailSendError, providerConfig, sendWithBrevo } from "../mail/brevo";

export const MAX_ATTEMPTS = 10;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3600_000;
/** Messages per run: a run stays short; what is left goes at the next minute. */
const PER_RUN = 50;

/** When to try again after the `attempts`-th failed attempt (1-based). */
export const retryDelayMs = (attempts: number) => Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempts - 1));

export async function sendPendingEmails(
  env: Env,
  now: Date = new Date(),
): Promise<{ sent: number; retried: number; failed: number } | null> {
  const config = providerConfig(env);
  if (!config) return null;
  const db = database(env.DB);
  const counts = { sent: 0, retried: 0, failed: 0 };
  for (const mail of await dueEmails(db, now.toISOString(), PER_RUN)) {
    try {
      const messageId = await sendWithBrevo(config, mail);
      await markSent(db, mail.id, new Date().toISOString(), messageId);
      counts.sent++;
    } catch (error) {
      const permanent = error instanceof MailSendError && error.permanent;
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = mail.attempts + 1;
      const next =
        permanent || attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
      await markAttemptFailed(db, mail.id, reason, next);
      if (next) counts.retried++;
      else counts.failed++;
    }
  }
  return counts;
}
