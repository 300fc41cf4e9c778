/** Every nominative download is logged: who, which organisme, what, when (SPEC §8). */
export async function logDownload(
  db: D1Database,
  entry: { userId: string; organismeId: string | null; kind: string },
): Promise<void> {
  await db
    .prepare("INSERT INTO downloads_log (user_id, organisme_id, kind, at) VALUES (?, ?, ?, ?)")
    .bind(entry.userId, entry.organismeId, entry.kind, new Date().toISOString())
    .run();
}
