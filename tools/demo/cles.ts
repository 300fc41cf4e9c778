/**
 * The clés d'échange of the demo organismes that transmit through the API. Only the Gesti OFA's key is published
 * (for the ERP simulator); the others exist so that those organismes' hubs start confirmed, as after the real flow.
 */
import { sha256Hex } from "../../worker/lib/crypto";
import { uuidOf } from "./ids";
import type { TransmetteurDemo } from "./transmetteurs";

export interface CleDemo {
  id: string;
  hash: string;
  /** the first 8 characters of the key, as the service keeps them */
  prefix: string;
}

/** organisme id → its key, for the transmetteurs in "api" mode. */
export async function buildClesDemo(transmetteurs: readonly TransmetteurDemo[]): Promise<Map<string, CleDemo>> {
  const cles = new Map<string, CleDemo>();
  for (const t of transmetteurs) {
    if (t.mode !== "api") continue;
    const key = t.gesti?.apiKey ?? (await uuidOf(`clé d'échange|${t.organisme.id}`));
    cles.set(t.organisme.id, {
      id: t.gesti?.keyId ?? (await uuidOf(`api_keys|${t.organisme.id}`)),
      hash: await sha256Hex(key),
      prefix: key.slice(0, 8),
    });
  }
  return cles;
}
