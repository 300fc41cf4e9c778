/** Who did what, when (audit_log): written in the same batch as the change it records, read by the organisme's users. */
import { desc, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { AuditView } from "../domain/transmission-view";
import type { Database } from "./db";

export type AuditEntry = Omit<typeof auditLog.$inferInsert, "id">;

/** The INSERT of one audit row (`at` defaults to now), to send in the same `db.batch` as the change it records. */
export const insertAudit = (db: Database, entry: AuditEntry) =>
  db.insert(auditLog).values({ ...entry, at: entry.at ?? new Date().toISOString() });

/** The organisme's latest 200 entries, newest first. */
export const listAudit = (db: Database, organismeId: string): Promise<AuditView[]> =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .where(eq(auditLog.organismeId, organismeId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200);
