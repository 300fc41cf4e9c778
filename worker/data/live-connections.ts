/**
 * The live_connections table: which hubs hold live WebSockets of which session, so that ending a session closes its
 * sockets wherever they are (worker/connection/live-sessions.ts). Its organisme_id names the hub: an organisme's id
 * (OrganismeHub), or `perimetre:<key>` for a perimeter's (PerimetreHub; no organisme id starts so).
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { liveConnections, sessions } from "../../db/schema";
import type { Database } from "./db";

export type LiveConnection = typeof liveConnections.$inferSelect;

const PERIMETRE_HUB = "perimetre:";

/** The organisme_id of a PerimetreHub's rows. */
export const perimetreHubRow = (perimetreKey: string) => `${PERIMETRE_HUB}${perimetreKey}`;

/** The hub a row names. */
export const hubOfRow = (organismeId: string) =>
  organismeId.startsWith(PERIMETRE_HUB)
    ? ({ kind: "perimetre", key: organismeId.slice(PERIMETRE_HUB.length) } as const)
    : ({ kind: "organisme", organismeId } as const);

/** Whose sockets: some sessions, or every session of a user. */
export type LiveSessionTarget = { sessionHashes: string[] } | { userId: string };

/** The hashes travel as one JSON parameter (read with json_each): D1 binds at most 100 parameters. */
const targeted = (target: LiveSessionTarget): SQL =>
  "userId" in target
    ? eq(liveConnections.userId, target.userId)
    : sql`${liveConnections.sessionTokenHash} IN (SELECT value FROM json_each(${JSON.stringify(target.sessionHashes)}))`;

/** A second socket of the same session in the same hub needs no second row. */
export const insertLiveConnection = (db: Database, connection: LiveConnection) =>
  db.insert(liveConnections).values(connection).onConflictDoNothing().run();

export const findLiveConnections = (db: Database, target: LiveSessionTarget) =>
  db.select().from(liveConnections).where(targeted(target)).all();

export const deleteLiveConnections = (db: Database, target: LiveSessionTarget) =>
  db.delete(liveConnections).where(targeted(target)).run();

/** The row of one session in one hub (its last socket there closed). */
export const deleteLiveConnection = (db: Database, sessionTokenHash: string, organismeId: string) =>
  db
    .delete(liveConnections)
    .where(and(eq(liveConnections.sessionTokenHash, sessionTokenHash), eq(liveConnections.organismeId, organismeId)))
    .run();

/** The rows of sessions that no longer exist (a hub that went away without its close events): for a `db.batch`. */
export const deleteOrphanLiveConnections = (db: Database) =>
  db
    .delete(liveConnections)
    .where(sql`${liveConnections.sessionTokenHash} NOT IN (SELECT ${sessions.tokenHash} FROM ${sessions})`);
