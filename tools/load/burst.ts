/**
 * The burst of bad payloads, sent a few at a time while the ERPs push: the cheap ones over and over, the heavy
 * ones a few times. A payload whose connection fails (wrangler dev killed) is sent again once it answers: each is
 * meant to reach the server.
 */
import type { BadPayload } from "./bad-payloads";
import { send } from "./http";
import type { RequestLog } from "./request-log";

const RESEND_AFTER_MS = 500;
/** Resends of one payload whose connection fails: longer than a restart of wrangler dev. */
const MAX_RESENDS = 60;

export async function sendBurst(
  payloads: BadPayload[],
  options: { baseUrl: string; total: number; heavyRepeat: number; concurrency: number; timeoutMs: number },
  requests: RequestLog,
): Promise<void> {
  const heavy = Array.from({ length: options.heavyRepeat }, () => payloads.filter((p) => p.heavy)).flat();
  const cheap = payloads.filter((p) => !p.heavy);
  // The heavy ones spread over the burst, so that they meet the pushes rather than each other.
  const every = Math.max(1, Math.floor(options.total / Math.max(1, heavy.length)));
  const queue: BadPayload[] = [];
  for (let i = 0, h = 0, c = 0; queue.length < options.total; i++)
    queue.push(i % every === 0 && h < heavy.length ? heavy[h++] : cheap[c++ % cheap.length]);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const payload = queue[next++];
      for (let resend = 0; resend <= MAX_RESENDS; resend++) {
        const sent = await send(
          `${options.baseUrl}/api/v3/dossiers-apprenants`,
          { method: "POST", headers: payload.headers, body: payload.body },
          options.timeoutMs,
        );
        requests.add(payload.group, sent);
        if (sent.issue.kind !== "connection") break;
        await new Promise((resolve) => setTimeout(resolve, RESEND_AFTER_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
