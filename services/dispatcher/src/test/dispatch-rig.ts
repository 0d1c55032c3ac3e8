import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafkaBus, type Bus, type Subscription } from '@recado/bus';
import { buildCloudEvent, decodeKafkaMessage, encodeKafkaMessage, TOPIC_SPECS, TOPICS, type CloudEvent, type SendCommand, type SendOutcome } from '@recado/contracts';
import { exampleSendParameters, renderTemplateMessage, SAMPLE_ORDER_UPDATE, SAMPLE_PROMOTION, type Template } from '@recado/domain';
import { startKafkaTestBroker, type KafkaTestBroker } from '@recado/kafka-test-broker';
import { startMetaSandbox, type MetaSandbox } from '@recado/meta-sandbox';
import * as persistence from '@recado/persistence';
import { createLogger, createMetricsRegistry } from '@recado/service-kit';
import { createTestDatabase, type TestDatabase } from '@recado/testing';
import type { DataSource } from 'typeorm';
import { createDispatcher, type Dispatcher, type DispatcherSettings } from '../dispatcher';

export const PHONE_NUMBER_ID = '106540352242922';
const TEST_KEY = persistence.keyRing('k1', new Map([['k1', Buffer.alloc(32, 7)]]));

export interface Seeded {
  readonly tenantId: string;
  readonly tenantSlug: string;
  readonly phoneId: string;
  readonly wabaId: string;
}

/** PostgreSQL with migrations, its own Kafka test broker, the Meta sandbox and one dispatcher. */
export interface DispatchRig {
  readonly dataSource: DataSource;
  readonly bus: Bus;
  readonly broker: KafkaTestBroker;
  readonly sandbox: MetaSandbox;
  readonly seeded: Seeded;
  readonly outcomes: SendOutcome[];
  readonly deadLetters: CloudEvent[];
  dispatcher: Dispatcher;
  startDispatcher(overrides?: Partial<DispatcherSettings>): Promise<Dispatcher>;
  produce(commands: readonly SendCommand[]): Promise<void>;
  outcomesOf(commandId: string): SendOutcome[];
  waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const settingsFor = (sandboxUrl: string, overrides: Partial<DispatcherSettings> = {}): DispatcherSettings => ({
  group: 'recado-dispatcher',
  throughputPerSecond: 80,
  sendConcurrency: 16,
  maxBatchSize: 200,
  concurrentPartitions: 4,
  heldSendsIntervalMs: 50,
  inDoubtGraceMs: 120_000,
  keyRing: TEST_KEY,
  meta: { baseUrl: sandboxUrl, graphApiVersion: 'v23.0', poolSize: 16, requestTimeoutMs: 5_000, fallbackAccessToken: undefined },
  ...overrides,
});

async function seed(dataSource: DataSource): Promise<Seeded> {
  return persistence.inTransaction(dataSource, async (db) => {
    const slug = `acme-${randomUUID().slice(0, 8)}`;
    const tenant = await persistence.createTenant(db, { slug, name: 'Acme' });
    const portfolio = await persistence.savePortfolio(db, tenant.id, { metaBusinessId: '9001', name: 'Acme', messagingLimitTier: 'TIER_10K' });
    const waba = await persistence.saveWaba(db, tenant.id, { metaWabaId: '102290129340398', name: 'Acme', portfolioId: portfolio.id });
    await persistence.storeAccessToken(db, tenant.id, waba.id, 'sandbox-token', TEST_KEY);
    const phone = await persistence.savePhoneNumber(db, tenant.id, { wabaId: waba.id, portfolioId: portfolio.id, metaPhoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550783881', qualityRating: 'GREEN' });
    for (const template of [SAMPLE_ORDER_UPDATE, SAMPLE_PROMOTION]) {
      await persistence.saveTemplate(db, tenant.id, { wabaId: waba.id, metaTemplateId: null, name: template.name, language: template.language, category: template.category, status: 'APPROVED', components: [...template.components] }, { at: new Date('2026-01-01T00:00:00Z') });
    }
    return { tenantId: tenant.id, tenantSlug: slug, phoneId: phone.id, wabaId: waba.id };
  });
}

export function templateContent(template: Template = SAMPLE_ORDER_UPDATE): SendCommand['content'] {
  const rendered = renderTemplateMessage(template, exampleSendParameters(template));
  if (!rendered.ok) throw new Error('sample template does not render');
  return { type: 'template', template: rendered.payload } as unknown as SendCommand['content'];
}

export const textContent = (body: string): SendCommand['content'] => ({ type: 'text', text: { body } }) as SendCommand['content'];

export function command(seeded: Seeded, waId: string, content: SendCommand['content'], commandId = `cmd-${randomUUID()}`): SendCommand {
  return { commandId, tenantId: seeded.tenantSlug, phoneNumberId: PHONE_NUMBER_ID, recipient: { waId }, content, requestedAt: new Date().toISOString() } as SendCommand;
}

export async function startDispatchRig(): Promise<DispatchRig> {
  const database: TestDatabase = await createTestDatabase();
  const dataSource = await persistence.createDataSource({ kind: 'postgres', url: database.url });
  await persistence.runMigrations(dataSource);
  const seeded = await seed(dataSource);
  const broker = await startKafkaTestBroker({ brokers: 1, topics: Object.values(TOPIC_SPECS).map(({ name, partitions }) => ({ name, partitions })) });
  const bus = createKafkaBus({ brokers: broker.bootstrapServers, logLevel: 'nothing', consumer: { sessionTimeout: 3_000, heartbeatInterval: 300, maxWaitTimeInMs: 50, restartDelayMs: 200 } });
  const sandbox = await startMetaSandbox({ port: 0, accessToken: undefined, recipientErrorsBy: 'response' });
  for (const template of [SAMPLE_ORDER_UPDATE, SAMPLE_PROMOTION]) sandbox.control.addTemplate({ name: template.name, language: template.language, category: template.category, components: template.components as never });

  const outcomes: SendOutcome[] = [];
  const deadLetters: CloudEvent[] = [];
  const reader: Subscription = await bus.subscribe({
    group: `reader-${randomUUID()}`,
    topics: [TOPICS.sendOutcomes, TOPICS.deadLetters],
    handler: async (batch) => {
      for (const message of batch.messages) {
        const decoded = decodeKafkaMessage(message);
        if (!decoded.ok) throw new Error(`undecodable ${batch.topic} record`);
        if (decoded.value.type === 'com.recado.send-outcome.v1') outcomes.push(decoded.value.data as SendOutcome);
        else deadLetters.push(decoded.value);
      }
    },
  });

  const rig: DispatchRig = {
    dataSource, bus, broker, sandbox, seeded, outcomes, deadLetters,
    dispatcher: undefined as unknown as Dispatcher,
    startDispatcher: async (overrides) => {
      const dispatcher = createDispatcher({
        dataSource, bus, settings: settingsFor(sandbox.url, overrides),
        logger: createLogger({ service: 'dispatcher', level: 'debug', silent: process.env['DISPATCH_TEST_LOG'] === undefined }), registry: createMetricsRegistry('dispatcher'), jitter: () => 0,
      });
      await dispatcher.start();
      rig.dispatcher = dispatcher;
      return dispatcher;
    },
    produce: async (commands) => {
      await bus.publish(commands.map((data) => {
        const built = buildCloudEvent('sendCommand', data, { id: data.commandId, source: '/test', time: new Date() });
        if (!built.ok) throw new Error(JSON.stringify(built.errors));
        return encodeKafkaMessage(built.value);
      }));
    },
    outcomesOf: (commandId) => outcomes.filter((outcome) => outcome.commandId === commandId),
    waitFor: async (what, condition, timeoutMs = 30_000) => {
      const until = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last outcomes: ${JSON.stringify(outcomes.slice(-3))}`);
        await sleep(25);
      }
    },
    stop: async () => {
      await rig.dispatcher?.stop();
      await reader.stop();
      await bus.close();
      await sandbox.stop();
      await broker.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
  return rig;
}

/** Gives a contact an opt-in and an open window, as an inbound message and a web form would. */
export async function welcomeContact(rig: DispatchRig, waId: string, options: { optIn?: boolean; inbound?: boolean } = {}): Promise<string> {
  rig.sandbox.control.registerUser({ waId, name: 'Ana' });
  const contactIds = await persistence.upsertContacts(rig.dataSource.manager, rig.seeded.tenantId, [{ waId }]);
  const contactId = contactIds.get(waId) as string;
  await persistence.inTransaction(rig.dataSource, async (db) => {
    if (options.optIn ?? true) {
      await persistence.appendConsent(db, rig.seeded.tenantId, { contactId, action: 'OPT_IN', scope: 'ALL', source: 'WEBSITE_FORM', proof: { text: 'Quero receber' }, actor: 'contact', occurredAt: new Date(Date.now() - 60_000) });
    }
    if (options.inbound ?? true) {
      rig.sandbox.control.inbound(waId, { text: 'Oi' });
      await persistence.saveConversationState(db, rig.seeded.tenantId, { phoneNumberId: rig.seeded.phoneId, contactId, lastInboundAt: new Date(), closedByMetaAt: null, entryPoint: null, reEngagementSentAt: null, updatedAt: new Date() });
    }
  });
  return contactId;
}
