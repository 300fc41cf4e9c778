/** Ids of the demo rows derived from what they stand for, so that every run of the seed writes the same ones. */
import { sha256Hex } from "../../worker/lib/crypto";

/** A UUID-shaped id from the SHA-256 of `text`. */
export async function uuidOf(text: string): Promise<string> {
  const h = await sha256Hex(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The id the ERP API gives an effectif (derived from its identity), so that a later push finds and updates it. */
export const effectifId = (organismeId: string, anneeScolaire: string, idErp: string) =>
  uuidOf(`effectif|${organismeId}|${anneeScolaire}|${idErp}`);
