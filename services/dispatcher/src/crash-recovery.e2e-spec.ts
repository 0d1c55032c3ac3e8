import * as persistence from '@recado/persistence';
import { command, startDispatchRig, templateContent, type DispatchRig } from './test/dispatch-rig';
import { exited, spawnDispatcher } from './test/dispatcher-process';

const COMMANDS = 300;

describe('dispatcher killed mid-batch (SIGKILL) and restarted', () => {
  let rig: DispatchRig;
  beforeAll(async () => {
    rig = await startDispatchRig();
  });
  afterAll(() => rig.stop());

  it('loses nothing and sends nothing twice', async () => {
    const waIds = Array.from({ length: COMMANDS }, (_, index) => `5521${String(900_000_000 + index)}`);
    for (const waId of waIds) rig.sandbox.control.registerUser({ waId });
    const contacts = await persistence.upsertContacts(rig.dataSource.manager, rig.seeded.tenantId, waIds.map((waId) => ({ waId })));
    await persistence.inTransaction(rig.dataSource, async (db) => {
      for (const contactId of contacts.values()) {
        await persistence.appendConsent(db, rig.seeded.tenantId, { contactId, action: 'OPT_IN', scope: 'ALL', source: 'API', proof: { text: 'test' }, actor: 'test', occurredAt: new Date(Date.now() - 60_000) });
      }
    });
    const commands = waIds.map((waId) => command(rig.seeded, waId, templateContent()));
    await rig.produce(commands);
    rig.sandbox.control.setFaults({ latencyMs: 25 });

    const [broker] = rig.broker.bootstrapServers;
    const env = {
      DATABASE_URL: (rig.dataSource.options as { url: string }).url,
      KAFKA_BROKERS: broker ?? '',
      META_BASE_URL: rig.sandbox.url,
      RECADO_SECRET_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      RECADO_SECRET_KEY_ID: 'k1',
      DISPATCHER_THROUGHPUT_PER_SECOND: '1000',
      DISPATCHER_SEND_CONCURRENCY: '16',
      DISPATCHER_IN_DOUBT_GRACE_MS: '3000',
      DISPATCHER_PORT: '0',
    };
    const accepted = (): number => Object.keys(rig.sandbox.control.inspect().acceptedByCallbackData).filter((id) => commands.some((c) => c.commandId === id)).length;

    const first = spawnDispatcher(env);
    await rig.waitFor('the first sends', () => accepted() >= 60, 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = accepted();
    expect(atKill).toBeLessThan(COMMANDS);

    const second = spawnDispatcher(env);
    try {
      const final = async (): Promise<number> =>
        ((await rig.dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE command_id = ANY($1) AND status IN ('ACCEPTED', 'FAILED')`, [commands.map((c) => c.commandId)])) as { n: number }[])[0]?.n ?? 0;
      await rig.waitFor('every command settled', async () => (await final()) === COMMANDS, 90_000);
      await rig.waitFor('every outcome published', () => commands.every((c) => rig.outcomesOf(c.commandId).some((o) => o.outcome === 'sent' || o.outcome === 'failed')), 30_000);
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    const byCallback = rig.sandbox.control.inspect().acceptedByCallbackData;
    for (const sent of commands) expect(byCallback[sent.commandId] ?? 0).toBeLessThanOrEqual(1);
    const rows = (await rig.dataSource.query(`SELECT command_id, status, reason_code FROM messages WHERE command_id = ANY($1)`, [commands.map((c) => c.commandId)])) as { command_id: string; status: string; reason_code: string | null }[];
    const inDoubt = rows.filter((row) => row.status === 'FAILED');
    expect(inDoubt.every((row) => row.reason_code === 'SEND_IN_DOUBT')).toBe(true);
    // Only the calls in flight at the kill can be in doubt (DISPATCHER_SEND_CONCURRENCY per round, two rounds sending);
    // every other command was sent exactly once.
    expect(inDoubt.length).toBeLessThanOrEqual(2 * 16);
    for (const row of rows.filter((r) => r.status === 'ACCEPTED')) expect(byCallback[row.command_id]).toBe(1);
  }, 180_000);
});
