import type { Env } from "../env";
import { organismeHub } from "../connection/hub";

/** A turn is held at most this long: a push of 2000 dossiers writes in well under it. */
const TURN_LEASE_MS = 30_000;
/** Past this wait the push goes on without its turn (D1's optimistic check still guards the data). */
const TURN_MAX_WAIT_MS = 20_000;

/**
 * Runs `write` during the push turn of every organisme whose effectifs it writes: overlapping pushes follow each
 * other instead of losing D1's optimistic check. Turns are taken in id order, so that two pushes over the same
 * organismes never wait for each other in a circle. A hub that fails to answer only costs the turn, not the push.
 */
export async function withPushTurns<T>(env: Env, organismeIds: string[], write: () => Promise<T>): Promise<T> {
  const held: { organismeId: string; token: string }[] = [];
  try {
    for (const organismeId of [...organismeIds].sort()) {
      try {
        const token = await organismeHub(env, organismeId).takePushTurn(TURN_LEASE_MS, TURN_MAX_WAIT_MS);
        if (token) held.push({ organismeId, token });
      } catch (error) {
        console.error("takePushTurn", error);
      }
    }
    return await write();
  } finally {
    const given = await Promise.allSettled(held.map((h) => organismeHub(env, h.organismeId).givePushTurn(h.token)));
    for (const r of given) if (r.status === "rejected") console.error("givePushTurn", r.reason);
  }
}
