import type { DataSource } from 'typeorm';

const ROWS_PER_DELETE = 10_000;

/**
 * Deletes a consumer's inbox rows older than `retentionMs`, a bounded batch per statement so that
 * no delete holds its locks long. Returns how many went.
 */
export async function pruneInbox(
  dataSource: DataSource,
  consumer: string,
  retentionMs: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted] = (await dataSource.query(
      `DELETE FROM inbox_messages WHERE ctid IN (
         SELECT ctid FROM inbox_messages
          WHERE consumer = $1 AND processed_at < now() - $2 * interval '1 millisecond' LIMIT $3)`,
      [consumer, retentionMs, ROWS_PER_DELETE],
    )) as [unknown, number];
    total += deleted;
    if (deleted < ROWS_PER_DELETE) return total;
  }
}
