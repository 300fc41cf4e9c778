/** The bench's HTTP client: timed calls, a logged-in session, JSON bodies. */

export interface Session {
  baseUrl: string;
  cookie: string;
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/connexion`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const match = /tba_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  if (response.status !== 200 || !match)
    throw new Error(`connexion de ${email} refusée : ${response.status} ${await response.text()}`);
  return { baseUrl, cookie: `tba_session=${match[1]}` };
}

/**
 * `wrangler dev` reloads the Worker when a source file changes (someone editing the tree during the bench): the
 * request in flight answers 503. It is sent again (a push is one atomic batch: nothing was half-written), and
 * counted so that the report can say its timings were disturbed.
 */
export const restarts = { count: 0 };
const RESTARTED = "restarted mid-request";

/** Calls `url` and reads the whole body; returns the wall time until the body is read, and the JSON. */
export async function timed<T>(url: string, init: RequestInit = {}): Promise<{ ms: number; body: T }> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const response = await fetch(url, init);
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status === 503 && text.includes(RESTARTED) && attempt < 5) {
      restarts.count++;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      continue;
    }
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${response.status} ${text.slice(0, 300)}`);
    return { ms: elapsed, body: JSON.parse(text) as T };
  }
}

export const asUser = (session: Session): RequestInit => ({
  headers: { Cookie: session.cookie, Origin: session.baseUrl },
});

export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});
