import type { Env } from "../env";
import { SESSION_IDLE_MS } from "../lib/session";

/**
 * Deletes the sessions past their absolute or idle expiry, and the password reset links expired or used. The
 * requests already refuse them; this keeps the tables from growing with rows nobody can use.
 */
export async function purgeExpiredAccountsData(
  env: Env,
  now: Date = new Date(),
): Promise<{ sessions: number; resets: number }> {
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const [sessions, resets] = await env.DB.batch([
    env.DB.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?").bind(at, idleSince),
    env.DB.prepare("DELETE FROM password_resets WHERE expires_at <= ? OR used_at IS NOT NULL").bind(at),
  ]);
  return { sessions: sessions!.meta.changes, resets: resets!.meta.changes };
}
