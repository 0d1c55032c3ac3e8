import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@recado/contracts';
import * as persistence from '@recado/persistence';
import { fixtureEvent, newWaId, sentMessage, startProjectorRig, type ProjectorRig } from './test/projector-rig';
import { snapshotTables } from './test/table-snapshot';

const status = (wamid: string, value: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  fixtureEvent('message-status.delivered-pmp', { wamid, status: value, occurredAt, bizOpaqueCallbackData: undefined, pricing: undefined, ...extra });

const inbound = (fixture: string, waId: string, body?: string) => {
  const message = (fixtureEvent(fixture).data as { message: Record<string, unknown> }).message;
  return fixtureEvent(fixture, { waId, message: { ...message, from: waId, id: `wamid.${randomUUID()}`, ...(body === undefined ? {} : { text: { body } }) } });
};

/** One event of every family the projector consumes, including some it can only keep. */
async function everyFamily(rig: ProjectorRig): Promise<CloudEvent[]> {
  const delivered = await sentMessage(rig, newWaId());
  const inDoubt = await sentMessage(rig, newWaId(), { status: 'PENDING', wamid: null, acceptedAt: null });
  const optedOut = await sentMessage(rig, newWaId(), { pricingCategory: 'MARKETING' });
  const pricing = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' };
  const waId = newWaId();
  return [
    inbound('inbound-message.text', waId, 'STOP'),
    inbound('inbound-message.referral', newWaId()),
    fixtureEvent('inbound-message.user-id-only', { userId: `BR.${randomUUID().slice(0, 8)}` }),
    fixtureEvent('inbound-message.text', { phoneNumberId: '999000999' }),
    fixtureEvent('user-preference-updated.stop', { waId }),
    status(delivered.wamid as string, 'read', '2026-04-01T10:00:03.000Z'),
    status(delivered.wamid as string, 'delivered', '2026-04-01T10:00:02.000Z', { pricing }),
    status(delivered.wamid as string, 'sent', '2026-04-01T10:00:01.000Z', { pricing }),
    status('wamid.replay-settled', 'sent', '2026-04-01T10:00:01.000Z', { bizOpaqueCallbackData: inDoubt.commandId }),
    status(optedOut.wamid as string, 'failed', '2026-04-01T10:00:05.000Z', { errors: [{ code: 131050, title: 'stopped marketing' }] }),
    status('wamid.replay-unknown', 'delivered', '2026-04-01T10:00:02.000Z'),
    fixtureEvent('template-status-updated.paused'),
    fixtureEvent('template-category-updated.impending', { categoryUpdateAt: new Date(Date.now() + 86_400_000).toISOString() }),
    fixtureEvent('template-quality-updated.yellow'),
    fixtureEvent('template-quality-updated.yellow', { templateId: '7', templateName: 'unknown_template' }),
    fixtureEvent('phone-number-quality-updated.flagged'),
    fixtureEvent('phone-number-quality-updated.throughput-upgrade'),
    fixtureEvent('business-capability-updated.limit'),
    fixtureEvent('account-updated.violation'),
    fixtureEvent('account-updated.volume-tier'),
    fixtureEvent('account-updated.violation', { wabaId: '424242' }),
  ];
}

describe('projector: replays', () => {
  let rig: ProjectorRig;
  beforeAll(async () => {
    rig = await startProjectorRig();
    for (const [name, language, metaTemplateId, category] of [['abandoned_cart', 'en', '1689556908129835', 'MARKETING'], ['welcome_template', 'en_US', '278077987957091', 'UTILITY']] as const) {
      await persistence.saveTemplate(rig.db, rig.seeded.tenantId, { wabaId: rig.seeded.wabaId, name, language, metaTemplateId, category, status: 'APPROVED', components: [] }, { at: new Date('2020-01-01T00:00:00Z') });
    }
  });
  afterAll(() => rig.stop());

  it('changes nothing when every event is delivered twice more, in another order', async () => {
    const events = await everyFamily(rig);
    await rig.apply(...events);
    const applied = await snapshotTables(rig.dataSource);
    expect(applied['unrouted_events']).toHaveLength(4);
    expect(applied['pricing_reconciliations']).toHaveLength(1);

    await rig.publish([...events].reverse());
    await rig.publish(events);
    await rig.waitFor('every event skipped twice', () => events.every((event) => rig.skips(event.id) === 2));
    expect(await snapshotTables(rig.dataSource)).toEqual(applied);
    expect(rig.deadLetters).toEqual([]);
  });
});
