/**
 * Brevo's transactional e-mail API (POST /v3/smtp/email), the provider the national service uses: French, hosted in
 * the EU, a plain HTTPS API a Worker calls with fetch. Configured by the secret BREVO_API_KEY and the vars
 * MAIL_API_URL, MAIL_FROM, MAIL_FROM_NAME; without a key nothing is sent (development).
 */
import type { Env } from "../env";
import type { Mail } from "../lib/mailer";

export interface ProviderConfig {
  apiUrl: string;
  apiKey: string;
  sender: { email: string; name: string };
}

export function providerConfig(
  env: Pick<Env, "BREVO_API_KEY" | "MAIL_API_URL" | "MAIL_FROM" | "MAIL_FROM_NAME">,
): ProviderConfig | null {
  if (!env.BREVO_API_KEY || !env.MAIL_FROM) return null;
  return {
    apiUrl: (env.MAIL_API_URL || "https://api.brevo.com").replace(/\/$/, ""),
    apiKey: env.BREVO_API_KEY,
    sender: { email: env.MAIL_FROM, name: env.MAIL_FROM_NAME || "Tableau de bord de l'apprentissage" },
  };
}

/** A refused send: `permanent` when trying again cannot help (the message itself is refused). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Sends one e-mail; returns the provider's message id. Network errors, 429, 5xx and auth errors are retryable. */
export async function sendWithBrevo(config: ProviderConfig, mail: Mail): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}/v3/smtp/email`, {
      method: "POST",
      headers: { "api-key": config.apiKey, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        sender: config.sender,
        to: [{ email: mail.to }],
        subject: mail.subject,
        textContent: mail.body,
      }),
    });
  } catch (error) {
    throw new MailSendError(`réseau : ${error instanceof Error ? error.message : String(error)}`, false);
  }
  const text = await response.text();
  if (response.ok) {
    const messageId = (JSON.parse(text || "{}") as { messageId?: string }).messageId;
    return messageId ?? "";
  }
  const reason = `${response.status} ${text.slice(0, 300)}`;
  // 401/403: the key is wrong or revoked — fixing the configuration must let the queue go on.
  const retryable =
    response.status === 429 || response.status >= 500 || response.status === 401 || response.status === 403;
  throw new MailSendError(reason, !retryable);
}
