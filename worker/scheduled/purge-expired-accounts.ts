import { database } from "../data/db";
import { deleteSpentPasswordResets } from "../data/password-resets";
import { deleteOrphanLiveConnections } from "../data/live-connections";
import { deleteExpiredSessions } from "../data/sessions";
import type { Env } from "../env";
import { SESSION_IDLE_MS } from "../lib/session";

/**
 * Deletes the sessions past their absolute or idle expiry (and the live-socket rows of sessions gone), and the
 * password reset links expired or used. The requests already refuse them; this keeps the tables from growing with
 * rows nobody can use.
 */
export async function purgeExpiredAccountsData(
  env: Env,
  now: Date = new Date(),
): Promise<{ sessions: number; resets: number }> {
  const db = database(env.DB);
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const [sessions, resets] = await db.batch([
    deleteExpiredSessions(db, at, idleSince),
    deleteSpentPasswordResets(db, at),
    deleteOrphanLiveConnections(db),
  ]);
  return { sessions: sessions.meta.changes, resets: resets.meta.changes };
}
