import type { Env } from "../env";

export interface AuditEntry {
  organismeId: string | null;
  userId: string | null;
  /** who, as shown to users: "Prénom Nom", "ERP Gesti", "Système" */
  actor: string;
  /** a stable code, e.g. "key_generated", "first_use", "confirmed", "refused", "reset", "key_revoked", "erp_chosen" */
  action: string;
  /** a French sentence for the audit list */
  detail: string | null;
  /** defaults to now */
  at?: string;
}

/** The INSERT of one audit row, to send in the same `db.batch` as the change it records. */
export function auditStatement(db: D1Database, entry: AuditEntry): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (organisme_id, user_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(
      entry.organismeId,
      entry.userId,
      entry.actor,
      entry.action,
      entry.detail,
      entry.at ?? new Date().toISOString(),
    );
}

export async function audit(env: Pick<Env, "DB">, entry: AuditEntry): Promise<void> {
  await auditStatement(env.DB, entry).run();
}
