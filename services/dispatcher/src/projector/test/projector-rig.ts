import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafkaBus, type Bus, type BusMessage, type Subscription } from '@recado/bus';
import { buildCloudEvent, decodeKafkaMessage, encodeKafkaMessage, eventKindOfType, TOPIC_SPECS, TOPICS, type CloudEvent, type EventKind } from '@recado/contracts';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import * as persistence from '@recado/persistence';
import { createLogger } from '@recado/service-kit';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { createProjector } from '../projector';
import { PROJECTOR_GROUP } from '../projection';

export const WABA_ID = '102290129340398';
export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_NUMBER = '15550783881';

export interface Seeded {
  readonly tenantId: string;
  readonly portfolioId: string;
  readonly wabaId: string;
  readonly phoneId: string;
}

/** PostgreSQL with migrations, a Kafka test broker of its own, and the projector consuming from it. */
export interface ProjectorRig {
  readonly dataSource: DataSource;
  readonly db: persistence.Db;
  readonly seeded: Seeded;
  readonly deadLetters: CloudEvent[];
  publish(events: readonly CloudEvent[]): Promise<void>;
  publishRaw(messages: readonly BusMessage[]): Promise<void>;
  /** Publishes and waits until each event is applied (or kept unrouted). */
  apply(...events: CloudEvent[]): Promise<void>;
  waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  /** How many times the projector skipped each event as already applied. */
  skips(eventId: string): number;
  stop(): Promise<void>;
}

const FIXTURES = join(__dirname, '../../../../../packages/contracts/src/fixtures/v1');

/**
 * A fixture's event with a fresh id (event ids are deduplicated across the suite) and the
 * given data fields replaced; validated like any producer's event.
 */
export function fixtureEvent(name: string, patch: Record<string, unknown> = {}, id: string = randomUUID()): CloudEvent {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { type: string; data: Record<string, unknown> };
  const kind = eventKindOfType(fixture.type) as EventKind;
  const built = buildCloudEvent(kind, { ...fixture.data, ...patch } as never, { id, source: '/test', time: new Date() });
  if (!built.ok) throw new Error(`${name} does not validate: ${JSON.stringify(built.errors)}`);
  return built.value;
}

async function seed(dataSource: DataSource): Promise<Seeded> {
  return persistence.inTransaction(dataSource, async (db) => {
    const tenant = await persistence.createTenant(db, { slug: `acme-${randomUUID().slice(0, 8)}`, name: 'Acme' });
    const portfolio = await persistence.savePortfolio(db, tenant.id, { metaBusinessId: '9001', name: 'Acme', messagingLimitTier: 'TIER_250' });
    const waba = await persistence.saveWaba(db, tenant.id, { metaWabaId: WABA_ID, name: 'Acme', portfolioId: portfolio.id });
    const phone = await persistence.savePhoneNumber(db, tenant.id, { wabaId: waba.id, portfolioId: portfolio.id, metaPhoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, qualityRating: 'GREEN' });
    return { tenantId: tenant.id, portfolioId: portfolio.id, wabaId: waba.id, phoneId: phone.id };
  });
}

async function readDeadLetters(bus: Bus, into: CloudEvent[]): Promise<Subscription> {
  return bus.subscribe({
    group: `dead-letter-reader-${randomUUID()}`,
    topics: [TOPICS.deadLetters],
    handler: async (batch) => {
      for (const message of batch.messages) {
        const decoded = decodeKafkaMessage(message);
        if (decoded.ok) into.push(decoded.value);
      }
    },
  });
}

export async function startProjectorRig(): Promise<ProjectorRig> {
  const database: TestDatabase = await createTestDatabase();
  const dataSource = await persistence.createDataSource({ kind: 'postgres', url: database.url });
  await persistence.runMigrations(dataSource);
  const seeded = await seed(dataSource);
  const broker: KafkaTestBroker = await startKafkaTestBroker({ brokers: 1, topics: Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })) });
  const bus = createKafkaBus({ brokers: broker.bootstrapServers, logLevel: 'nothing', consumer: { sessionTimeout: 3_000, heartbeatInterval: 300, maxWaitTimeInMs: 50, restartDelayMs: 200 } });
  const logStream = new PassThrough();
  const skipped = new Map<string, number>();
  logStream.on('data', (chunk: Buffer) => countSkips(chunk.toString(), skipped));
  const logger = createLogger({ service: 'projector', level: 'debug', stream: logStream });
  const deadLetters: CloudEvent[] = [];
  const reader = await readDeadLetters(bus, deadLetters);
  const subscription = await createProjector({ dataSource, bus, logger }).start();

  const waitFor = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  };
  const publish = (events: readonly CloudEvent[]) => bus.publish(events.map(encodeKafkaMessage));
  return {
    dataSource, db: dataSource.manager, seeded, deadLetters, publish, waitFor,
    publishRaw: (messages) => bus.publish(messages),
    apply: async (...events) => {
      await publish(events);
      await waitFor(`${events.length} events applied`, async () => (await processedCount(dataSource, events.map((event) => event.id))) === events.length);
    },
    skips: (eventId) => skipped.get(eventId) ?? 0,
    stop: async () => {
      await subscription.stop();
      await reader.stop();
      await bus.close();
      await broker.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

function countSkips(text: string, skipped: Map<string, number>): void {
  for (const line of text.split('\n')) {
    if (!line.includes('event already applied')) continue;
    const { eventId } = JSON.parse(line) as { eventId: string };
    skipped.set(eventId, (skipped.get(eventId) ?? 0) + 1);
  }
}

async function processedCount(dataSource: DataSource, eventIds: readonly string[]): Promise<number> {
  const rows = await dataSource.query<{ count: string }[]>(`SELECT count(*) AS count FROM processed_events WHERE consumer = $1 AND event_id = ANY($2)`, [PROJECTOR_GROUP, eventIds]);
  return Number(rows[0]?.count ?? 0);
}

/** An outbound message as the send path records it, for statuses to find. */
export async function sentMessage(rig: ProjectorRig, waId: string, fields: Partial<persistence.MessageInput> = {}): Promise<persistence.Message> {
  const contactId = (await persistence.upsertContacts(rig.db, rig.seeded.tenantId, [{ waId }])).get(waId) as string;
  return persistence.insertMessage(rig.db, rig.seeded.tenantId, {
    phoneNumberId: rig.seeded.phoneId, contactId, direction: 'OUTBOUND', type: 'template', templateName: 'order_update', templateLanguage: 'pt_BR',
    commandId: `cmd-${randomUUID()}`, decision: 'ALLOW', status: 'ACCEPTED', wamid: `wamid.${randomUUID()}`, pricingCategory: 'UTILITY',
    acceptedAt: new Date('2026-04-01T10:00:00Z'), ...fields,
  });
}

/** A fresh contact number, so that tests of one suite never share a contact. */
let contactCounter = 0;
export const newWaId = (): string => `5511${String(900_000_000 + (contactCounter += 1) * 7_919 + Math.floor(Math.random() * 1_000)).padStart(9, '0')}`;
