import { database } from "../data/db";
import { insertOutboxEmail } from "../data/outbox";
import type { Env } from "../env";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** How the app sends an e-mail: it queues it; the cron sends the queue (worker/scheduled/envoi-emails.ts). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Queues every e-mail in `outbox_emails` (sent by the cron through the provider); in dev, also prints it. */
export function createMailer(env: Pick<Env, "DB" | "EMAIL_MODE">): Mailer {
  return {
    async send(mail) {
      await insertOutboxEmail(database(env.DB), { ...mail, createdAt: new Date().toISOString() });
      if (env.EMAIL_MODE === "console")
        console.log(`\n--- e-mail à ${mail.to}\nObjet : ${mail.subject}\n\n${mail.body}\n---`);
    },
  };
}
