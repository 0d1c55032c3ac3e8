import { createKafkaBus, type MessageBatch } from '@recado/bus';
import type { SendCommand } from '@recado/contracts';
import type { MessageContent } from '@recado/meta-cloud';
import { Pool } from 'pg';
import { benchMetaClient, requiredEnv, runCountOf, serveBench, type RunCount } from './bench-consumer-kit';
import { wallClockMs } from './bench-process';

/*
 * The floor: the baseline plus the least any send path that keeps Meta's calls exactly once
 * must write, with raw `pg` and no decision. Per batch: the contacts' ids (one SELECT), the
 * intent rows committed before the calls (one INSERT), the same POSTs as the baseline, the
 * answers (one UPDATE) and one outcome event per command published to Kafka (acks all). No
 * consent, window, template, limit or conversation reads, no outbox, no validation. What the
 * floor reaches bounds what the dispatcher can reach on this machine.
 */

interface Answered {
  readonly commandId: string;
  readonly wamid: string;
}

async function main(): Promise<void> {
  const concurrency = Number(requiredEnv('BENCH_SEND_CONCURRENCY'));
  const tenantId = requiredEnv('BENCH_TENANT_ID');
  const phoneId = requiredEnv('BENCH_PHONE_ID');
  const outcomeTopic = requiredEnv('BENCH_OUTCOME_TOPIC');
  const client = benchMetaClient();
  const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 20 });
  const bus = createKafkaBus({ brokers: requiredEnv('BENCH_BROKERS').split(','), clientId: 'bench-floor', logLevel: 'error' });
  const runs = new Map<string, RunCount>();
  let firstError: string | undefined;

  const recordIntents = async (commands: readonly SendCommand[]): Promise<SendCommand[]> => {
    const waIds = commands.map((command) => command.recipient.waId ?? '');
    const contacts = await pool.query<{ id: string; wa_id: string }>('SELECT id, wa_id FROM contacts WHERE tenant_id = $1 AND wa_id = ANY($2::text[])', [tenantId, waIds]);
    const contactIds = new Map(contacts.rows.map((row) => [row.wa_id, row.id]));
    const known = commands.filter((command) => contactIds.has(command.recipient.waId ?? ''));
    const inserted = await pool.query<{ command_id: string }>(
      `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, content, command_id, status, meta_call_started_at)
       SELECT $1, $2, i.contact_id, 'OUTBOUND', 'template', i.content, i.command_id, 'PENDING', now()
       FROM unnest($3::uuid[], $4::jsonb[], $5::text[]) AS i(contact_id, content, command_id)
       ON CONFLICT (tenant_id, command_id) WHERE command_id IS NOT NULL DO NOTHING
       RETURNING command_id`,
      [tenantId, phoneId, known.map((command) => contactIds.get(command.recipient.waId ?? '')), known.map((command) => JSON.stringify(command.content)), known.map((command) => command.commandId)],
    );
    const fresh = new Set(inserted.rows.map((row) => row.command_id));
    return known.filter((command) => fresh.has(command.commandId));
  };

  const send = async (commands: readonly SendCommand[]): Promise<Answered[]> => {
    const answered: Answered[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < commands.length; index = next++) {
        const command = commands[index] as SendCommand;
        const answer = await client.send({ to: command.recipient.waId ?? '', content: command.content as unknown as MessageContent, bizOpaqueCallbackData: command.commandId });
        if (answer.ok) answered.push({ commandId: command.commandId, wamid: answer.value.wamid });
        else {
          runCountOf(runs, command.commandId).failed += 1;
          firstError ??= answer.error.message;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, commands.length) }, worker));
    return answered;
  };

  const recordAnswers = async (answered: readonly Answered[]): Promise<void> => {
    await pool.query(
      `UPDATE messages m SET wamid = a.wamid, status = 'ACCEPTED', accepted_at = now()
       FROM unnest($2::text[], $3::text[]) AS a(command_id, wamid) WHERE m.tenant_id = $1 AND m.command_id = a.command_id`,
      [tenantId, answered.map((item) => item.commandId), answered.map((item) => item.wamid)],
    );
    await bus.publish(answered.map((item) => ({
      topic: outcomeTopic,
      key: item.commandId,
      value: Buffer.from(JSON.stringify({ specversion: '1.0', type: 'recado.send-outcome.v1', id: `${item.commandId}:sent`, data: { commandId: item.commandId, outcome: 'sent', wamid: item.wamid } })),
      headers: {},
    })));
    const at = wallClockMs();
    for (const item of answered) {
      const count = runCountOf(runs, item.commandId);
      count.answered += 1;
      count.lastAt = at;
    }
  };

  const handler = async (batch: MessageBatch): Promise<void> => {
    const commands = batch.messages.map((message) => (JSON.parse(message.value.toString('utf8')) as { data: SendCommand }).data);
    await recordAnswers(await send(await recordIntents(commands)));
  };

  const subscription = await bus.subscribe({ group: requiredEnv('BENCH_GROUP'), topics: [requiredEnv('BENCH_TOPIC')], maxBatchSize: Number(requiredEnv('BENCH_MAX_BATCH')), handler });

  serveBench(runs, () => firstError, async () => {
    await subscription.stop();
    await bus.close();
    await client.close();
    await pool.end();
  });
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
