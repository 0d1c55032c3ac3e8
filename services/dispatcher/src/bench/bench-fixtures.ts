import { randomUUID } from 'node:crypto';
import { buildCloudEvent, encodeKafkaMessage, type SendCommand } from '@recado/contracts';
import { exampleSendParameters, renderTemplateMessage, SAMPLE_ORDER_UPDATE } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { CompressionTypes, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';

/** The sandbox's default business number and account. */
export const PHONE_NUMBER_ID = '106540352242922';
const META_WABA_ID = '102290129340398';
export const BENCH_SECRET_KEY = Buffer.alloc(32, 7);
const KEY_RING = persistence.keyRing('k1', new Map([['k1', BENCH_SECRET_KEY]]));

export interface Seeded {
  readonly tenantId: string;
  readonly tenantSlug: string;
  readonly phoneId: string;
}

/** Contact `index` (0-based): a Brazilian mobile number, distinct per index. */
export const waIdOf = (index: number): string => `55219${String(index).padStart(8, '0')}`;

const CONTACT_CHUNK = 10_000;

/**
 * One tenant with an unlimited messaging tier, one business number, SAMPLE_ORDER_UPDATE approved,
 * and `contacts` contacts, each opted in (ledger row and current consents) with an open window.
 * The contacts, consents and windows are written in bulk SQL.
 */
export async function seedTenant(dataSource: DataSource, contacts: number): Promise<Seeded> {
  const seeded = await persistence.inTransaction(dataSource, async (db) => {
    const slug = `bench-${randomUUID().slice(0, 8)}`;
    const tenant = await persistence.createTenant(db, { slug, name: 'Bench' });
    const portfolio = await persistence.savePortfolio(db, tenant.id, { metaBusinessId: '9001', name: 'Bench', messagingLimitTier: 'TIER_UNLIMITED' });
    const waba = await persistence.saveWaba(db, tenant.id, { metaWabaId: META_WABA_ID, name: 'Bench', portfolioId: portfolio.id });
    await persistence.storeAccessToken(db, tenant.id, waba.id, 'sandbox-token', KEY_RING);
    const phone = await persistence.savePhoneNumber(db, tenant.id, { wabaId: waba.id, portfolioId: portfolio.id, metaPhoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550783881', qualityRating: 'GREEN' });
    const template = SAMPLE_ORDER_UPDATE;
    await persistence.saveTemplate(db, tenant.id, { wabaId: waba.id, metaTemplateId: null, name: template.name, language: template.language, category: template.category, status: 'APPROVED', components: [...template.components] }, { at: new Date('2026-01-01T00:00:00Z') });
    return { tenantId: tenant.id, tenantSlug: slug, phoneId: phone.id };
  });
  for (let from = 0; from < contacts; from += CONTACT_CHUNK) {
    const chunk = Array.from({ length: Math.min(CONTACT_CHUNK, contacts - from) }, (_, offset) => ({ waId: waIdOf(from + offset) }));
    await persistence.upsertContacts(dataSource.manager, seeded.tenantId, chunk);
  }
  await persistence.inTransaction(dataSource, async (db) => {
    await db.query(
      `WITH ledger AS (
         INSERT INTO consent_records (tenant_id, contact_id, action, scope, source, proof, actor, occurred_at)
         SELECT $1, id, 'OPT_IN', 'ALL', 'WEBSITE_FORM', '{"text": "Quero receber"}'::jsonb, 'contact', now() - interval '1 day'
         FROM contacts WHERE tenant_id = $1
         RETURNING id, contact_id, source, occurred_at)
       INSERT INTO current_consents (contact_id, category, tenant_id, status, source, since, record_id)
       SELECT ledger.contact_id, category, $1, 'OPTED_IN', ledger.source, ledger.occurred_at, ledger.id
       FROM ledger CROSS JOIN unnest(ARRAY['MARKETING', 'UTILITY', 'AUTHENTICATION']) AS category`,
      [seeded.tenantId],
    );
    await db.query(
      `INSERT INTO conversation_states (phone_number_id, contact_id, tenant_id, last_inbound_at, updated_at)
       SELECT $2, id, $1, now() - interval '1 hour', now() FROM contacts WHERE tenant_id = $1`,
      [seeded.tenantId, seeded.phoneId],
    );
    // A platform in steady state has history: a month-old send per contact, older than every window the rules read.
    await db.query(
      `INSERT INTO messages (tenant_id, phone_number_id, contact_id, direction, type, template_name, template_language, command_id, decision, status, wamid, accepted_at, sent_at, created_at)
       SELECT $1, $2, id, 'OUTBOUND', 'template', 'order_update', 'pt_BR', 'history-' || id, 'ALLOW', 'DELIVERED', 'wamid.history-' || id, t, t, t
       FROM contacts, (SELECT now() - interval '30 days' AS t) AS month_ago WHERE tenant_id = $1`,
      [seeded.tenantId, seeded.phoneId],
    );
  });
  await dataSource.query('ANALYZE');
  return seeded;
}

const rendered = renderTemplateMessage(SAMPLE_ORDER_UPDATE, exampleSendParameters(SAMPLE_ORDER_UPDATE));
if (!rendered.ok) throw new Error('SAMPLE_ORDER_UPDATE does not render');
const TEMPLATE_CONTENT = { type: 'template', template: rendered.payload } as unknown as SendCommand['content'];

/** A template send (SAMPLE_ORDER_UPDATE) to contact `contact`, named `<run>-<n>` (also its callback data). */
export function templateCommand(tenantSlug: string, run: string, n: number, contact: number, requestedAt: Date): SendCommand {
  return { commandId: `${run}-${n}`, tenantId: tenantSlug, phoneNumberId: PHONE_NUMBER_ID, recipient: { waId: waIdOf(contact) }, content: TEMPLATE_CONTENT, requestedAt: requestedAt.toISOString() } as SendCommand;
}

export interface BenchProducer {
  /** Publishes to `topic` (acks -1, gzip when asked), each command keyed `phoneNumberId:waId`. */
  send(topic: string, commands: readonly SendCommand[], options?: { gzip?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * kafkajs with the bus's partitioner (murmur2, so keys land where the bus would put them). The
 * bulk load is gzip-compressed: the mock broker keeps only about 5 MiB per partition and 100,000
 * uncompressed commands (~0.9 kB each) would overflow 12 partitions before being read.
 */
export async function createBenchProducer(brokers: readonly string[]): Promise<BenchProducer> {
  const kafka = new Kafka({ clientId: 'bench-producer', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    send: async (topic, commands, options = {}) => {
      const messages = commands.map((command) => {
        const built = buildCloudEvent('sendCommand', command, { id: command.commandId, source: '/bench', time: new Date(command.requestedAt) });
        if (!built.ok) throw new Error(`invalid bench command: ${JSON.stringify(built.errors)}`);
        const { key, value, headers } = encodeKafkaMessage(built.value);
        return { key, value, headers };
      });
      await producer.sendBatch({ acks: -1, ...(options.gzip ? { compression: CompressionTypes.GZIP } : {}), topicMessages: [{ topic, messages }] });
    },
    close: () => producer.disconnect(),
  };
}
