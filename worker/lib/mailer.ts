import { database } from "../data/db";
import { insertOutboxEmail } from "../data/outbox";
import type { Env } from "../env";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** The one interface a real mail provider implements later. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Stores every e-mail in `outbox_emails` (drained later by a provider); in dev, also prints it. */
export function createMailer(env: Pick<Env, "DB" | "EMAIL_MODE">): Mailer {
  return {
    async send(mail) {
      await insertOutboxEmail(database(env.DB), { ...mail, createdAt: new Date().toISOString() });
      if (env.EMAIL_MODE === "console")
        console.log(`\n--- e-mail à ${mail.to}\nObjet : ${mail.subject}\n\n${mail.body}\n---`);
    },
  };
}
