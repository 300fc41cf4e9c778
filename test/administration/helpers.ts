import { env } from "cloudflare:test";
import { expect } from "vitest";
import { sha256Hex } from "../../worker/lib/crypto";
import { openLive } from "../connection/helpers";

/** An open dashboard socket (its snapshot received), and the hub's close of it. */
export async function dashboard(organismeId: string, cookie: string) {
  const { socket } = await openLive(organismeId, cookie);
  if (!socket) throw new Error("socket refused");
  await socket.next((m) => m.type === "snapshot");
  const closed = new Promise<CloseEvent>((resolve) => socket.ws.addEventListener("close", resolve));
  /** The hub's close, or an error after `timeoutMs`. */
  const closedBy = async (timeoutMs = 2000) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the hub did not close it")), timeoutMs);
    });
    try {
      return await Promise.race([closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  /** Still open after a moment (the hub did not close it). */
  const staysOpen = async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
  };
  return { socket, closedBy, staysOpen };
}

export const hashOf = (cookie: string) => sha256Hex(cookie.replace("tba_session=", ""));

export async function sessionsOf(userId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?")
    .bind(userId)
    .all<{ token_hash: string }>();
  return results.map((r) => r.token_hash);
}

export async function auditActions(userId: string): Promise<{ action: string; detail: string | null }[]> {
  const { results } = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE user_id = ? ORDER BY id")
    .bind(userId)
    .all<{ action: string; detail: string | null }>();
  return results;
}
