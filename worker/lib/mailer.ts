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
      await env.DB.prepare("INSERT INTO outbox_emails (`to`, subject, body, created_at) VALUES (?, ?, ?, ?)")
        .bind(mail.to, mail.subject, mail.body, new Date().toISOString())
        .run();
      if (env.EMAIL_MODE === "console")
        console.log(`\n--- e-mail à ${mail.to}\nObjet : ${mail.subject}\n\n${mail.body}\n---`);
    },
  };
}
