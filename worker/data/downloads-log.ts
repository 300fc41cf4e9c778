/** Every nominative download is logged: who, which organisme, what, when (SPEC §8). */
import { downloadsLog } from "../../db/schema";
import type { Database } from "./db";

export async function logDownload(
  db: Database,
  entry: Pick<typeof downloadsLog.$inferInsert, "userId" | "organismeId" | "kind">,
): Promise<void> {
  await db.insert(downloadsLog).values({ ...entry, at: new Date().toISOString() });
}
