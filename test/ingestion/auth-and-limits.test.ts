import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/index";
import { API, dossier, organismeAvecCle, push } from "./helpers";

describe("ERP API authentication and limits", () => {
  it("refuses a missing, malformed, unknown or revoked key with the reference's 403 messages", async () => {
    const { organisme, key } = await organismeAvecCle();
    const message = async (r: Response) => {
      expect(r.status).toBe(403);
      return ((await r.json()) as { message: string }).message;
    };
    expect(await message(await push(null, []))).toBe("Clé API manquante");
    expect(await message(await push(null, [], { Authorization: key }))).toBe("La clé API doit etre au format Bearer");
    expect(await message(await push(crypto.randomUUID(), []))).toBe("La clé API n'est pas valide");
    expect(await message(await push("pas-une-cle", []))).toBe("La clé API n'est pas valide");
    await env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE organisme_id = ?")
      .bind(new Date().toISOString(), organisme.id)
      .run();
    expect(await message(await push(key, [dossier(organisme)]))).toBe("La clé API n'est pas valide");
  });

  it("answers /test with {msg: ok} and records the key's use", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    const response = await SELF.fetch(`${API}/test`, { method: "POST", headers: { Authorization: `Bearer ${key}` } });
    expect(await response.json()).toEqual({ msg: "ok" });
    const row = await env.DB.prepare("SELECT last_used_at FROM api_keys WHERE organisme_id = ? AND revoked_at IS NULL")
      .bind(organisme.id)
      .first<{ last_used_at: string | null }>();
    expect(row!.last_used_at).not.toBeNull();
  });

  it("answers 400 Erreur de validation when the body is not an array, too long, or not JSON", async () => {
    const { organisme, key } = await organismeAvecCle();
    for (const body of [{ dossier: 1 }, Array.from({ length: 2001 }, () => dossier(organisme)), "{pas du json"]) {
      const response = await push(key, body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as {
        error: string;
        message: string;
        details: { message: string; path: string }[];
      };
      expect(json.error).toBe("Bad Request");
      expect(json.message).toBe("Erreur de validation");
      expect(json.details.length).toBeGreaterThan(0);
    }
  });

  it("answers 413 beyond 10 MB", async () => {
    const { key } = await organismeAvecCle();
    const response = await push(key, `[${"x".repeat(10 * 1024 * 1024 + 10)}]`);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
  });

  it("reads a streamed body without Content-Length, and answers the same 413 once it passes 10 MB", async () => {
    const { organisme, key } = await organismeAvecCle();
    const small = await pushStream(key, [new TextEncoder().encode(JSON.stringify([dossier(organisme)]))]);
    expect(small.status).toBe(200);
    expect(((await small.json()) as { data: { outcome: string }[] }).data.map((d) => d.outcome)).toEqual(["created"]);

    // Past 10 MB the Worker answers before the end of the body. Called in-process: through SELF, the test's side
    // of the pipe would still be sending when the answer comes, and workerd would log the aborted pipe.
    const megabyte = new TextEncoder().encode("x".repeat(1024 * 1024));
    const large = await app.request(
      API,
      streamedPush(
        key,
        Array.from({ length: 11 }, () => megabyte),
      ),
      env,
    );
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual(TOO_LARGE);
  });

  it("limits failed authentications per IP to 300 a minute (429 with Retry-After)", async () => {
    const statuses = await inOneMinute(async (attempt) => {
      const ip = `203.0.113.${7 + attempt}`;
      const seen: number[] = [];
      for (let i = 0; i < 301; i++) {
        const r = await push(crypto.randomUUID(), [], { "CF-Connecting-IP": ip });
        seen.push(r.status);
        if (r.status === 429) expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
      }
      return seen;
    });
    expect(statuses.slice(0, 300).every((s) => s === 403)).toBe(true);
    expect(statuses[300]).toBe(429);
    // another IP is not affected
    expect((await push(crypto.randomUUID(), [], { "CF-Connecting-IP": "203.0.113.100" })).status).toBe(403);
  }, 150_000);

  it("limits a key to 3000 requests a minute", async () => {
    const response = await inOneMinute(async () => {
      const { key } = await organismeAvecCle();
      const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(`api-key:${await keyId(key)}`));
      // The key's whole minute used up, 100 calls in flight at a time (the object counts them one by one).
      for (let i = 0; i < 30; i++) await Promise.all(Array.from({ length: 100 }, () => stub.hit(3000)));
      return push(key, []);
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).not.toBeNull();
  }, 150_000);
});

async function keyId(key: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  const hash = [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const row = await env.DB.prepare("SELECT id FROM api_keys WHERE key_hash = ?").bind(hash).first<{ id: string }>();
  return row!.id;
}

/**
 * The limiter counts per calendar minute: a burst that straddled two windows (a loaded machine) proves nothing, so
 * it is run again (with fresh identities: `attempt`) from the start of the next minute, a full minute ahead.
 */
async function inOneMinute<T>(burst: (attempt: number) => Promise<T>): Promise<T> {
  const minute = () => Math.floor(Date.now() / 60_000);
  for (let attempt = 0; ; attempt++) {
    const started = minute();
    const result = await burst(attempt);
    if (minute() === started || attempt === 1) return result;
    await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 50));
  }
}

const TOO_LARGE = {
  error: "Payload Too Large",
  message: "Le corps de la requête dépasse la taille maximale de 10 Mo.",
};

/** A push whose body is a stream of chunks: sent chunked, without Content-Length. */
function streamedPush(key: string, chunks: Uint8Array[]): RequestInit {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]);
      else controller.close();
    },
  });
  return { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` }, body };
}

const pushStream = (key: string, chunks: Uint8Array[]) => SELF.fetch(API, streamedPush(key, chunks));
