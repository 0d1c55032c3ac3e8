import type { EmbeddedLog, PartitionedMessage } from '@recado/bus';
import { openMigratedPglite, openMigratedPostgres, type MigratedDatabase } from '../test/migrated-database';
import { createPostgresEmbeddedLog } from './postgres-embedded-log';

const message = (topic: string, partition: number, key: string, value = Buffer.from(key), headers: Record<string, string> = {}): PartitionedMessage => ({
  partition,
  message: { topic, key, value, headers },
});

const keysOf = async (log: EmbeddedLog, topic: string, partition: number): Promise<string[]> =>
  (await log.read(topic, partition, 0, 1_000)).map((record) => `${record.offset}:${record.key}`);

describe.each([
  ['PostgreSQL', () => openMigratedPostgres({ poolSize: 3 })],
  ['PGlite', () => openMigratedPglite()],
] as const)('the PostgreSQL embedded log on %s', (_name, open) => {
  let db: MigratedDatabase;
  let log: EmbeddedLog;

  beforeAll(async () => {
    db = await open();
    log = createPostgresEmbeddedLog(db.dataSource, { partitions: (topic) => (topic === 'wide' ? 12 : 2) });
  });

  afterAll(() => db.close());

  it('takes partition counts from the option, and refuses a count that is not a positive whole number', () => {
    expect([log.partitionCount('wide'), log.partitionCount('narrow')]).toEqual([12, 2]);
    expect(createPostgresEmbeddedLog(db.dataSource).partitionCount('any')).toBe(4);
    expect(() => createPostgresEmbeddedLog(db.dataSource, { partitions: () => 0 }).partitionCount('t')).toThrow(RangeError);
  });

  it('assigns dense offsets from 0 per partition, in append order, across appends', async () => {
    expect(await log.endOffset('dense', 0)).toBe(0);
    await log.append([message('dense', 1, 'a'), message('dense', 0, 'b'), message('dense', 1, 'c'), message('other', 1, 'd')]);
    await log.append([message('dense', 0, 'e'), message('dense', 1, 'f')]);
    expect(await keysOf(log, 'dense', 0)).toEqual(['0:b', '1:e']);
    expect(await keysOf(log, 'dense', 1)).toEqual(['0:a', '1:c', '2:f']);
    expect(await keysOf(log, 'other', 1)).toEqual(['0:d']);
    expect([await log.endOffset('dense', 0), await log.endOffset('dense', 1), await log.endOffset('other', 0)]).toEqual([2, 3, 0]);
  });

  it('reads from an offset, at most `limit` records', async () => {
    await log.append(Array.from({ length: 10 }, (_, index) => message('ranged', 0, `k${index}`)));
    const page = await log.read('ranged', 0, 3, 4);
    expect(page.map((record) => [record.topic, record.partition, record.offset, record.key])).toEqual([
      ['ranged', 0, '3', 'k3'], ['ranged', 0, '4', 'k4'], ['ranged', 0, '5', 'k5'], ['ranged', 0, '6', 'k6'],
    ]);
    expect(await log.read('ranged', 0, 10, 5)).toEqual([]);
  });

  it('returns values byte for byte and headers as written', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const headers = { 'content-type': 'application/json', 'x-trace': 'ção "quoted" \\ back' };
    await log.append([message('bytes', 0, 'all', bytes, headers), message('bytes', 0, 'empty', Buffer.alloc(0))]);
    const [all, empty] = await log.read('bytes', 0, 0, 10);
    expect(all?.value.equals(bytes)).toBe(true);
    expect(all?.headers).toEqual(headers);
    expect(empty?.value).toEqual(Buffer.alloc(0));
    expect(empty?.headers).toEqual({});
  });

  it('stores all of an append or nothing: a failed append leaves no gap in the offsets', async () => {
    await log.append([message('atomic', 0, 'first')]);
    // PostgreSQL text cannot hold U+0000, so the records statement fails after the offsets were reserved.
    await expect(log.append([message('atomic', 0, 'kept?'), message('atomic', 0, 'bad\u0000key')])).rejects.toThrow(/0x00/);
    await log.append([message('atomic', 0, 'second')]);
    expect(await keysOf(log, 'atomic', 0)).toEqual(['0:first', '1:second']);
  });

  it('keeps each group position apart, undefined until committed, moved by later commits', async () => {
    expect(await log.committedOffset('g1', 'positions', 0)).toBeUndefined();
    await log.commit('g1', 'positions', 0, 5);
    await log.commit('g2', 'positions', 0, 2);
    await log.commit('g1', 'positions', 0, 8);
    expect([await log.committedOffset('g1', 'positions', 0), await log.committedOffset('g2', 'positions', 0), await log.committedOffset('g1', 'positions', 1)]).toEqual([8, 2, undefined]);
  });

  it('tells listeners after each append that stored something, until they unsubscribe', async () => {
    let calls = 0;
    const unlisten = log.onAppend(() => (calls += 1));
    await log.append([message('listened', 0, 'a'), message('listened', 1, 'b')]);
    await log.append([]);
    expect(calls).toBe(1);
    unlisten();
    await log.append([message('listened', 0, 'c')]);
    expect(calls).toBe(1);
  });
});
