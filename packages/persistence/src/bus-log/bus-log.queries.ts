import type { ReceivedMessage } from '@recado/bus';
import type { Db } from '../data-source/db';

interface RecordRow {
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Up to `limit` records of one partition from `fromOffset` on, in offset order. */
export async function readRecords(db: Db, topic: string, partition: number, fromOffset: number, limit: number): Promise<ReceivedMessage[]> {
  const rows = await db.query<RecordRow[]>(
    `SELECT "offset", key, value, headers FROM bus_records
     WHERE topic = $1 AND "partition" = $2 AND "offset" >= $3 ORDER BY "offset" LIMIT $4`,
    [topic, partition, fromOffset, limit],
  );
  return rows.map((row) => ({ topic, partition, offset: String(row.offset), key: row.key, value: row.value, headers: row.headers }));
}

/** The offset after the partition's last committed record (0 when it has none). */
export async function endOffset(db: Db, topic: string, partition: number): Promise<number> {
  const rows = await db.query<{ next_offset: string }[]>(`SELECT next_offset FROM bus_partitions WHERE topic = $1 AND "partition" = $2`, [topic, partition]);
  return Number(rows[0]?.next_offset ?? 0);
}

export async function groupOffset(db: Db, group: string, topic: string, partition: number): Promise<number | undefined> {
  const rows = await db.query<{ next_offset: string }[]>(
    `SELECT next_offset FROM bus_group_offsets WHERE group_name = $1 AND topic = $2 AND "partition" = $3`,
    [group, topic, partition],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].next_offset);
}

export async function commitGroupOffset(db: Db, group: string, topic: string, partition: number, nextOffset: number): Promise<void> {
  await db.query(
    `INSERT INTO bus_group_offsets (group_name, topic, "partition", next_offset) VALUES ($1, $2, $3, $4)
     ON CONFLICT (group_name, topic, "partition") DO UPDATE SET next_offset = EXCLUDED.next_offset, committed_at = now()`,
    [group, topic, partition, nextOffset],
  );
}

/** Grows with every committed append, by any process: what the append watch compares. */
export async function appendedTotal(db: Db): Promise<string> {
  const rows = await db.query<{ total: string }[]>(`SELECT coalesce(sum(next_offset), 0)::text AS total FROM bus_partitions`);
  return rows[0]?.total ?? '0';
}
