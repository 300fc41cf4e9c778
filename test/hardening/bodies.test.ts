import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/index";
import { API, organismeAvecCle } from "../ingestion/helpers";

const MEGABYTE = 1024 * 1024;
const TOO_LARGE = {
  error: "Payload Too Large",
  message: "Le corps de la requête dépasse la taille maximale de 10 Mo.",
};

/** A body of `total` bytes sent in 64 KB chunks, which tells how much of it was read and whether it was cancelled. */
function observedBody(total: number) {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      seen.pulled += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}

/** Called in-process, so that the Worker reads the test's own stream and how much it reads can be counted. */
const pushInProcess = (key: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(
    API,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}`, ...headers },
      body,
    },
    env,
  );

describe("API bodies: size", () => {
  it("a chunked body over 10 MB: the French 413, the body read to its end and dropped, the next request answers", async () => {
    const { key } = await organismeAvecCle();
    const { body, seen } = observedBody(11 * MEGABYTE);
    const refused = await pushInProcess(key, body);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual(TOO_LARGE);
    // Not left half read: wrangler dev's proxy then loses the connection and answers 500 instead.
    expect(seen).toEqual({ pulled: 11 * MEGABYTE, cancelled: false });

    const next = await pushInProcess(key, "[]");
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ status: "OK", message: "Queued", data: [] });
  });

  it("a declared Content-Length over 10 MB: the French 413 before reading, the body left to the runtime", async () => {
    const { key } = await organismeAvecCle();
    const { body, seen } = observedBody(11 * MEGABYTE);
    const refused = await pushInProcess(key, body, { "Content-Length": String(11 * MEGABYTE) });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual(TOO_LARGE);
    // A stream queues its first chunk as it is created: nothing beyond it was asked for.
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024);
    expect(seen.cancelled).toBe(false);
  });

  it("a body longer than its declared Content-Length is counted on the stream", async () => {
    const { key } = await organismeAvecCle();
    const { body } = observedBody(11 * MEGABYTE);
    const refused = await pushInProcess(key, body, { "Content-Length": "2" });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual(TOO_LARGE);
  });
});
