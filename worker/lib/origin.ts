import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { forbidden } from "./errors";

/** The request's own origin and the configured APP_ORIGIN list (comma-separated). */
export function isAllowedOrigin(origin: string, requestUrl: string, appOrigin: string): boolean {
  if (origin === new URL(requestUrl).origin) return true;
  return appOrigin.split(",").some((allowed) => allowed.trim() === origin);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated mutations and WebSocket upgrades must come from our own pages (CSRF, cross-site
 * WebSocket hijacking). Requests without Origin come from non-browser clients, which carry no session cookie
 * unless they were given one; browsers always send Origin on POST and on WebSocket upgrades.
 */
export const checkOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const isUpgrade = c.req.header("Upgrade")?.toLowerCase() === "websocket";
  if (isUpgrade || !SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header("Origin");
    if (isUpgrade && !origin) throw forbidden("Origine de la requête non autorisée.");
    if (origin && !isAllowedOrigin(origin, c.req.url, c.env.APP_ORIGIN))
      throw forbidden("Origine de la requête non autorisée.");
  }
  await next();
};
