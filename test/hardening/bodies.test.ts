import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/index";
import { API, organismeAvecCle, push } from "../ingestion/helpers";

const MEGABYTE = 1024 * 1024;
const TOO_LARGE = {
  error: "Payload Too Large",
  message: "Le corps de la requête dépasse la taille maximale de 10 Mo.",
};
const TOO_DEEP = "Le corps de la requête est trop imbriqué : 16 niveaux de tableaux et d'objets au plus.";

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

/** `[{"nom_apprenant": …}]` where the field is `arrays` arrays nested in one another: depth arrays + 2. */
const nestedPush = (arrays: number) => `[{"nom_apprenant": ${"[".repeat(arrays)}${"]".repeat(arrays)}}]`;

const erpTooDeep = {
  error: "Bad Request",
  message: "Erreur de validation",
  details: [{ path: "", message: TOO_DEEP }],
};

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

describe("API bodies: nesting, checked before any parse", () => {
  it("a 10 MB ERP push of 5 million nested arrays: the ERP API's French 400", async () => {
    const { key } = await organismeAvecCle();
    const body = nestedPush(5_000_000);
    expect(body.length).toBeLessThanOrEqual(10 * MEGABYTE);
    const refused = await push(key, body);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual(erpTooDeep);
  });

  it("the same nesting in a browser route's body: the API's {error, message} 400", async () => {
    const response = await SELF.fetch("http://localhost:8787/api/auth/connexion", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost:8787" },
      body: `{"email": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}, "password": "x"}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Bad Request", message: TOO_DEEP });
  });

  it("16 levels are read as usual (the dossier's own validation answers), 17 are refused", async () => {
    const { key } = await organismeAvecCle();
    const atLimit = await push(key, nestedPush(14));
    expect(atLimit.status).toBe(200);
    const read = (await atLimit.json()) as { data: { outcome: string }[] };
    expect(read.data.map((d) => d.outcome)).toEqual(["invalid"]);

    const beyond = await push(key, nestedPush(15));
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toEqual(erpTooDeep);
  });

  it("brackets and escaped quotes inside a string are text, not nesting; the same brackets outside are", async () => {
    const { key } = await organismeAvecCle();
    const brackets = `${"[{".repeat(500)}"\\${"]}".repeat(500)}`;
    const inString = await push(key, JSON.stringify([{ nom_apprenant: brackets, adresse_apprenant: `"${brackets}` }]));
    expect(inString.status).toBe(200);

    const outside = await push(key, `[{"nom_apprenant": ${"[".repeat(500)}${"]".repeat(500)}}]`);
    expect(outside.status).toBe(400);
  });
});
