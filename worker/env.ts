import type { OrganismeHub } from "../durable-objects/organisme-hub";
import type { RateLimiter } from "../durable-objects/rate-limiter";

export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  ORGANISME_HUB: DurableObjectNamespace<OrganismeHub>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** the origin the app is served from; mutating requests and WebSocket upgrades must come from it */
  APP_ORIGIN: string;
  /** "console" logs outgoing e-mails (dev); anything else only stores them in the outbox */
  EMAIL_MODE: string;
}

export interface SessionUser {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  status: string;
  isAdmin: boolean;
  organisationId: string;
  organisationType: string;
  organismeId: string | null;
  /** the formateurs of the user's organisme (an OFA also sees them), read with the session */
  formateurIds: string[];
}

export type AppEnv = {
  Bindings: Env;
  /** `organisme` is set by the access middleware of `/api/organismes/:id/*` only */
  Variables: { user: SessionUser | null; organisme: import("./lib/organisme-access").OrganismeAccess };
};
