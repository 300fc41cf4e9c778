/**
 * The Worker the bench runs (`npm run bench`, bundled by bench/snapshot.ts): the production Worker unchanged, plus
 * the bench-only routes under /api/bench. A request under /api/bench goes to those routes (behind the production
 * app's global middleware); every other request is the production app's own `fetch`, with no extra layer, so the
 * endpoints are measured as they are deployed.
 */
import { Hono } from "hono";
import type { AppEnv, Env } from "../../worker/env";
import production, { browserMiddleware, limitBody } from "../../worker/index";
import { benchRoutes } from "./routes";
import { setPushTimingsSink, type PushTimings } from "../../worker/ingestion/timings";

// The Durable Object classes, under the names wrangler.toml binds.
export { OrganismeHub, PerimetreHub, RateLimiter } from "../../worker/index";

// The raw side goes through the production app's global middleware (body limit, secure headers, Origin, session
// read), as when these routes lived in the production app: a ratio then compares only what the endpoint adds.
const bench = new Hono<AppEnv>()
  .use("/api/*", limitBody)
  .use("*", ...browserMiddleware)
  // Where the pushes' time went (worker/ingestion/timings.ts), since the previous call: part 1 reads it after each push.
  .get("/api/bench/temps-ingestion", (c) => c.json({ pushes: pushTimings.splice(0) }))
  .route("/api/bench", benchRoutes);

const pushTimings: PushTimings[] = [];
// Bounded: the other parts push thousands of times without reading them.
setPushTimingsSink((timings) => {
  if (pushTimings.push(timings) > 100) pushTimings.shift();
});

export default {
  ...production,
  fetch(request, env, ctx) {
    return new URL(request.url).pathname.startsWith("/api/bench/")
      ? bench.fetch(request, env, ctx)
      : production.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
