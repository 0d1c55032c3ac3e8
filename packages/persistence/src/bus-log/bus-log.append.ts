import type { Db } from '../data-source/db';
import type { PartitionBatch } from './partition-batches';

// Reserves a range per partition. The upsert locks each partition row until the transaction ends,
// so the next appender of that partition waits: ranges commit in offset order and no reader ever
// sees a gap. Rows come in the batches' sorted order, so appenders lock in one order.
const RESERVE_OFFSETS = `
  INSERT INTO bus_partitions (topic, "partition", next_offset)
  SELECT topic, "partition", count FROM unnest($1::text[], $2::int[], $3::bigint[]) WITH ORDINALITY AS r(topic, "partition", count, n)
  ORDER BY n
  ON CONFLICT (topic, "partition") DO UPDATE SET next_offset = bus_partitions.next_offset + EXCLUDED.next_offset
  RETURNING topic, "partition", next_offset`;

// Values travel as base64 text: a bytea[] parameter is not encoded alike by pg and PGlite.
const INSERT_RECORDS = `
  INSERT INTO bus_records (topic, "partition", "offset", key, value, headers)
  SELECT topic, "partition", "offset", key, decode(value, 'base64'), headers
  FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::jsonb[]) AS r(topic, "partition", "offset", key, value, headers)`;

interface ReservedRow {
  topic: string;
  partition: number;
  next_offset: string;
}

/** Appends the batches in two statements; call it in a transaction so the reservation and the records commit together. */
export async function appendRecords(db: Db, batches: readonly PartitionBatch[]): Promise<void> {
  const firstOffsets = await reserveOffsets(db, batches);
  const columns = { topics: [] as string[], partitions: [] as number[], offsets: [] as number[], keys: [] as string[], values: [] as string[], headers: [] as string[] };
  batches.forEach((batch, index) => {
    const first = firstOffsets[index] ?? 0;
    batch.messages.forEach((message, position) => {
      columns.topics.push(batch.topic);
      columns.partitions.push(batch.partition);
      columns.offsets.push(first + position);
      columns.keys.push(message.key);
      columns.values.push(message.value.toString('base64'));
      columns.headers.push(JSON.stringify(message.headers));
    });
  });
  await db.query(INSERT_RECORDS, [columns.topics, columns.partitions, columns.offsets, columns.keys, columns.values, columns.headers]);
}

/** The first reserved offset of each batch, in the batches' order. */
async function reserveOffsets(db: Db, batches: readonly PartitionBatch[]): Promise<number[]> {
  const rows = await db.query<ReservedRow[]>(RESERVE_OFFSETS, [
    batches.map((batch) => batch.topic),
    batches.map((batch) => batch.partition),
    batches.map((batch) => batch.messages.length),
  ]);
  const ends = new Map(rows.map((row) => [`${row.topic}\u0000${row.partition}`, Number(row.next_offset)]));
  return batches.map((batch) => {
    const end = ends.get(`${batch.topic}\u0000${batch.partition}`);
    if (end === undefined) throw new Error(`no offsets reserved for ${batch.topic}/${batch.partition}`);
    return end - batch.messages.length;
  });
}
