import { env, SELF } from "cloudflare:test";
import { expect, onTestFinished } from "vitest";
import { sha256Hex } from "../../worker/lib/crypto";
import { APP_URL, createOrganisme, createUser, type OrganismeFixture } from "../helpers/accounts";

/** A session written straight into D1 (independent of the login route); returns the Cookie header value. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = crypto.randomUUID();
  const now = new Date();
  await env.DB.prepare(
    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  )
    .bind(
      await sha256Hex(token),
      userId,
      now.toISOString(),
      now.toISOString(),
      new Date(now.getTime() + 3600_000).toISOString(),
    )
    .run();
  return `tba_session=${token}`;
}

export interface OfaFixture {
  organisme: OrganismeFixture;
  userId: string;
  cookie: string;
}

/** An organisme and one active user of it, logged in. */
export async function ofa(names: { prenom?: string; nom?: string } = {}): Promise<OfaFixture> {
  const organisme = await createOrganisme();
  const user = await createUser({
    organismeId: organisme.id,
    prenom: names.prenom ?? "Odile",
    nom: names.nom ?? "Martin",
  });
  return { organisme, userId: user.id, cookie: await sessionCookie(user.id) };
}

/**
 * A response whose body the test did not read is cancelled when the test ends (nothing left open). Outside a test
 * (a beforeAll building fixtures) there is no end of test to wait for: the body is left to the caller.
 */
export function discardUnreadBody(response: Response): Response {
  if (!expect.getState().currentTestName) return response;
  onTestFinished(async () => {
    if (!response.bodyUsed) await response.body?.cancel();
  });
  return response;
}

export async function call(path: string, cookie: string, body?: unknown, origin = APP_URL) {
  const headers: Record<string, string> = { Cookie: cookie };
  if (origin) headers.Origin = origin;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await SELF.fetch(`${APP_URL}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  return discardUnreadBody(response);
}

/** Chooses Gesti then generates a key; returns the key in clear. */
export async function generateGestiKey(fixture: OfaFixture): Promise<string> {
  const base = `/api/organismes/${fixture.organisme.id}/transmission`;
  const chosen = await call(`${base}/erp`, fixture.cookie, { erp: "gesti" });
  if (chosen.status !== 200) throw new Error(`choose ERP: ${chosen.status} ${await chosen.text()}`);
  const generated = await call(`${base}/cle`, fixture.cookie, {});
  if (generated.status !== 200) throw new Error(`generate key: ${generated.status} ${await generated.text()}`);
  return ((await generated.json()) as { key: string }).key;
}

export async function keyIdOf(key: string): Promise<string> {
  const row = await env.DB.prepare("SELECT id FROM api_keys WHERE key_hash = ?")
    .bind(await sha256Hex(key))
    .first<{ id: string }>();
  if (!row) throw new Error("key not found");
  return row.id;
}

/**
 * Opens the organisme's live socket and collects its messages. The socket is closed when the test ends (if the
 * test did not close it), and the test waits for the hub's closing answer: a socket left open, or closed without
 * waiting, is cut when the test file's runtime goes away, which workerd reports as "WebSocket peer disconnected".
 */
export async function openLive(organismeId: string, cookie: string, origin: string | null = APP_URL) {
  const headers: Record<string, string> = { Upgrade: "websocket", Cookie: cookie };
  if (origin) headers.Origin = origin;
  const response = discardUnreadBody(await SELF.fetch(`${APP_URL}/api/organismes/${organismeId}/live`, { headers }));
  const ws = response.webSocket;
  if (!ws) return { response, socket: null };
  const closed = new Promise<CloseEvent>((resolve) => ws.addEventListener("close", resolve));
  /** Closes with 1000 and resolves once the hub has answered the close. */
  const close = async (): Promise<CloseEvent> => {
    if (ws.readyState === WebSocket.OPEN) ws.close(1000, "fin");
    return closed;
  };
  onTestFinished(async () => {
    await close();
  });
  const messages: { type: string; [k: string]: unknown }[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener("message", (event) => {
    if (event.data === "pong") return;
    messages.push(JSON.parse(event.data as string));
    waiters.splice(0).forEach((w) => w());
  });
  ws.accept();
  /** Resolves with the first message (from `from` on) matching `predicate`. */
  async function next(predicate: (m: { type: string; [k: string]: unknown }) => boolean, timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching message; got ${JSON.stringify(messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  return { response, socket: { ws, messages, next, close } };
}
