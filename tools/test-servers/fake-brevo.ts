/**
 * A local HTTP server that implements Brevo's POST /v3/smtp/email (what worker/mail/brevo.ts calls), started by
 * vitest.config.ts for the workerd tests: the Worker really sends over HTTP. Recipients steer it: "panne…@" gets a
 * 503 on its first two attempts, "refuse…@" a 400; any other gets 201 with a message id. GET /__recus lists what
 * it accepted (with the headers and bodies it was sent).
 */
import http from "node:http";

export const FAKE_BREVO_KEY = "cle-brevo-de-test";

export async function startFakeBrevo(): Promise<{ url: string }> {
  const recus: { apiKey: string | undefined; body: unknown }[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && req.url === "/__recus") return answer(200, recus);
    if (req.method !== "POST" || req.url !== "/v3/smtp/email") return answer(404, { code: "not_found" });
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      if (req.headers["api-key"] !== FAKE_BREVO_KEY)
        return answer(401, { code: "unauthorized", message: "Key not found" });
      const body = JSON.parse(text) as { to: { email: string }[] };
      const to = body.to[0].email;
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      if (to.startsWith("panne") && n <= 2) return answer(503, { code: "service_unavailable" });
      if (to.startsWith("refuse")) return answer(400, { code: "invalid_parameter", message: "email is not valid" });
      recus.push({ apiKey: req.headers["api-key"] as string, body });
      answer(201, { messageId: `<${recus.length}@fake-brevo>` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The test run ends without waiting for this server.
  server.unref();
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}` };
}
