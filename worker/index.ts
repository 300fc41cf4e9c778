import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, Env } from "./env";
import { ApiError, erpNestingTooDeep, nestingTooDeep } from "./lib/errors";
import { limitBody, limitNesting } from "./lib/body-limits";
import { organismeAccess } from "./lib/organisme-access";
import { loadSession } from "./lib/session";
import { checkOrigin } from "./lib/origin";
import { authRoutes } from "./api/auth";
import { referentielRoutes } from "./api/referentiel";
import { comptesRoutes } from "./api/comptes";
import { organismesRoutes } from "./api/organismes";
import { indicateursRoutes } from "./api/indicateurs";
import { transmissionRoutes } from "./api/transmission";
import { liveRoutes } from "./api/live";
import { perimetreLiveRoutes } from "./api/perimetre-live";
import { dossiersApprenantsRoutes } from "./api/dossiers-apprenants";
import { connexionApiRoutes } from "./api/connexion-api";
import { openApiRoutes } from "./api/openapi";
import { erpOrganismeRoutes } from "./api/erp-organisme";
import { fichierRoutes } from "./api/fichier";
import { sifaRoutes } from "./api/sifa";
import { indicateursTerritoireRoutes } from "./api/indicateurs-territoire";
import { perimetreOrganismesRoutes } from "./api/perimetre-organismes";
import { missionLocaleRoutes } from "./api/mission-locale";
import { armlRoutes } from "./api/arml";
import { suiviCfaRoutes } from "./api/suivi-cfa";
import { compteRoutes } from "./api/compte";
import { organisationMembresRoutes } from "./api/organisation-membres";
import { administrationRoutes } from "./api/administration";
import { doublonsRoutes } from "./api/doublons";
import { effectifsCorrectionRoutes } from "./api/effectifs-correction";
import { emailsAdminRoutes } from "./api/emails-admin";
import { erpsAdminRoutes } from "./api/erps-admin";
import { revokeStaleApiKeys } from "./scheduled/revoke-stale-keys";
import { purgeExpiredAccountsData } from "./scheduled/purge-expired-accounts";
import { purgeSuivisMissionsLocales, sendMissionsLocalesDigests } from "./scheduled/missions-locales";
import { purgeAnneesScolaires } from "./scheduled/retention";
import { sendPendingEmails } from "./scheduled/envoi-emails";
import { sendRapportsQuotidiens } from "./scheduled/rapports-transmission";

/** The every-minute trigger of wrangler.toml: only the outbox is sent (the other one runs the daily jobs). */
const SEND_EMAILS_CRON = "* * * * *";

export { OrganismeHub } from "../durable-objects/organisme-hub";
export { PerimetreHub } from "../durable-objects/perimetre-hub";
export { RateLimiter } from "../durable-objects/rate-limiter";

const app = new Hono<AppEnv>();

app.onError((err, c) => {
  if (err instanceof ApiError) {
    const { retryAfter, ...extra } = err.extra;
    if (typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
    return c.json({ error: err.error, message: err.message, ...extra }, err.status);
  }
  // Hono's own errors (a body that is not JSON, for one) are answered in French too, never as a 500.
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message =
      status === 400 ? "Le corps de la requête doit être du JSON." : "La requête n'a pas pu être traitée.";
    return c.json({ error: status === 400 ? "Bad Request" : "Error", message }, status);
  }
  console.error(err);
  return c.json(
    { error: "Internal Server Error", message: "Une erreur interne est survenue. Veuillez réessayer." },
    500,
  );
});

// The bench's entry puts its raw routes behind the same body limit.
export { limitBody };

/** What every request but the ERP API's goes through (the bench's raw routes too, so that they pay the same). */
export const browserMiddleware = [
  secureHeaders({ crossOriginEmbedderPolicy: false }),
  checkOrigin,
  loadSession,
] as const;

app.use("/api/*", limitBody);

// The ERP API is server-to-server with its own key: no cookie session, no Origin check. Its routes end the chain,
// so the second nesting check, after the browser middleware (a foreign Origin is refused unscanned), is the others'.
app.use("/api/v3/*", limitNesting(erpNestingTooDeep));
app.route("/api/v3", dossiersApprenantsRoutes);
app.route("/api/v3", erpOrganismeRoutes);

app.use("*", ...browserMiddleware);
app.use("/api/*", limitNesting(nestingTooDeep));

app.route("/api/auth", authRoutes);
app.route("/api/referentiel", referentielRoutes);
app.route("/api/comptes", comptesRoutes);
app.route("/api/compte", compteRoutes);
app.route("/api/organisation", organisationMembresRoutes);
app.route("/api/administration/emails", emailsAdminRoutes);
app.route("/api/administration/erps", erpsAdminRoutes);
app.route("/api/administration", administrationRoutes);
app.use("/api/organismes/:id/*", organismeAccess);
app.route("/api/organismes", organismesRoutes);
app.route("/api/organismes", indicateursRoutes);
app.route("/api/organismes", transmissionRoutes);
app.route("/api/organismes", liveRoutes);
app.route("/api/organismes", fichierRoutes);
app.route("/api/organismes", sifaRoutes);
app.route("/api/organismes", suiviCfaRoutes);
app.route("/api/organismes", doublonsRoutes);
app.route("/api/organismes", effectifsCorrectionRoutes);
app.route("/connexion-api", connexionApiRoutes);
app.route("/api", openApiRoutes);
app.route("/api/indicateurs", indicateursTerritoireRoutes);
app.route("/api/perimetre/organismes", perimetreOrganismesRoutes);
app.route("/api/perimetre", perimetreLiveRoutes);
app.route("/api/mission-locale", missionLocaleRoutes);
app.route("/api/arml", armlRoutes);

app.all("/api/*", (c) => c.json({ error: "Not Found", message: "Cette adresse de l'API n'existe pas." }, 404));
// Copied so that the secure headers can be added to the (immutable) asset response.
app.all("*", async (c) => new Response(...(await c.env.ASSETS.fetch(c.req.raw).then((r) => [r.body, r] as const))));

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(sendPendingEmails(env));
    if (controller.cron === SEND_EMAILS_CRON) return;
    ctx.waitUntil(revokeStaleApiKeys(env));
    ctx.waitUntil(purgeExpiredAccountsData(env));
    ctx.waitUntil(sendMissionsLocalesDigests(env));
    ctx.waitUntil(purgeSuivisMissionsLocales(env));
    ctx.waitUntil(purgeAnneesScolaires(env));
    ctx.waitUntil(sendRapportsQuotidiens(env));
  },
} satisfies ExportedHandler<Env>;

export { app };
