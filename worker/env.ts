import type { OrganismeHub } from "../durable-objects/organisme-hub";
import type { PerimetreHub } from "../durable-objects/perimetre-hub";
import type { RateLimiter } from "../durable-objects/rate-limiter";
import type { ActiveSession, SessionUser } from "./data/sessions";

export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  ORGANISME_HUB: DurableObjectNamespace<OrganismeHub>;
  PERIMETRE_HUB: DurableObjectNamespace<PerimetreHub>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** the origin the app is served from; mutating requests and WebSocket upgrades must come from it */
  APP_ORIGIN: string;
  /** "console" logs outgoing e-mails (dev); anything else only stores them in the outbox */
  EMAIL_MODE: string;
  /** the e-mail provider (worker/mail/brevo.ts): its API key is a secret; without it nothing is sent */
  BREVO_API_KEY?: string;
  MAIL_API_URL?: string;
  MAIL_FROM?: string;
  MAIL_FROM_NAME?: string;
  /** school years of learners' data kept (worker/domain/retention.ts); unset: the default */
  RETENTION_ANNEES_SCOLAIRES?: string;
}

/** The user of a request's session, as the session query reads it (with the OFA's formateurs). */
export type { SessionUser } from "./data/sessions";

export type AppEnv = {
  Bindings: Env;
  /** `organisme` is set by the access middleware of `/api/organismes/:id/*` only; `session` is null with `user` */
  Variables: {
    user: SessionUser | null;
    session: ActiveSession | null;
    organisme: import("./lib/organisme-access").OrganismeAccess;
  };
};
