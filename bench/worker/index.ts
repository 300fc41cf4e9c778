/**
 * The Worker the bench runs (`npm run bench`, bundled by bench/snapshot.ts): the production Worker unchanged, plus
 * the bench-only routes under /api/bench. A request under /api/bench goes to those routes; every other request is
 * the production app's own `fetch`, with no extra layer, so the endpoints are measured as they are deployed.
 */
import { Hono } from "hono";
import type { AppEnv, Env } from "../../worker/env";
import production from "../../worker/index";
import { benchRoutes } from "./routes";

// The Durable Object classes (and anything else the production entry exports), under the names wrangler.toml binds.
export * from "../../worker/index";

const bench = new Hono<AppEnv>().route("/api/bench", benchRoutes);

export default {
  ...production,
  fetch(request, env, ctx) {
    return new URL(request.url).pathname.startsWith("/api/bench/")
      ? bench.fetch(request, env, ctx)
      : production.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
