/**
 * One request of the suite, timed, never thrown: it answers (any status), its connection fails (refused or cut,
 * as when wrangler dev is killed), or it takes longer than the timeout.
 */

export type Issue =
  { kind: "response"; status: number; text: string } | { kind: "connection"; message: string } | { kind: "timeout" };

export interface Sent {
  /** performance.now() when the request was sent, and when its answer (or failure) was read */
  start: number;
  end: number;
  issue: Issue;
}

export async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Sent> {
  const start = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal });
    const text = await response.text();
    return { start, end: performance.now(), issue: { kind: "response", status: response.status, text } };
  } catch (error) {
    const end = performance.now();
    if (signal.aborted) return { start, end, issue: { kind: "timeout" } };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { start, end, issue: { kind: "connection", message: cause?.code ?? cause?.message ?? String(error) } };
  }
}
