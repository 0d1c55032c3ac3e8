import { randomUUID } from 'node:crypto';
import { buildCloudEvent, encodeKafkaMessage, type SendCommand } from '@recado/contracts';
import { SAMPLE_ORDER_UPDATE } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { createLogger } from '@recado/service-kit';
import type { Subscription } from '@recado/bus';
import { createProjector } from './projector';
import { command, startDispatchRig, templateContent, welcomeContact, type DispatchRig } from './test/dispatch-rig';

const waId = (): string => `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

// Meta paces a new or recently unpaused template [M14]: it answers a send with
// `held_for_quality_assessment`, then either releases the held messages or fails them with
// 132015 and pauses the template.
describe('a template Meta paces (PostgreSQL, Kafka test broker, Meta sandbox, dispatcher and projector)', () => {
  let rig: DispatchRig;
  let projection: Subscription;
  const template = { ...SAMPLE_ORDER_UPDATE, name: `paced_${randomUUID().slice(0, 8)}` };

  beforeAll(async () => {
    rig = await startDispatchRig();
    await rig.startDispatcher();
    projection = await createProjector({ dataSource: rig.dataSource, bus: rig.bus, logger: createLogger({ service: 'projector', level: 'error', silent: true }) }).start();
    await persistence.inTransaction(rig.dataSource, (db) => persistence.saveTemplate(db, rig.seeded.tenantId, {
      wabaId: rig.seeded.wabaId, name: template.name, language: template.language, category: template.category, status: 'APPROVED', components: [...template.components],
    }, { at: new Date(Date.now() - 60_000) }));
    rig.sandbox.control.addTemplate({ name: template.name, language: template.language, category: template.category, components: template.components as never, paced: true });
  });
  afterAll(async () => {
    await projection.stop();
    await rig.stop();
  });

  const row = async (commandId: string) =>
    ((await rig.dataSource.query(`SELECT status, wamid, meta_error_code FROM messages WHERE command_id = $1`, [commandId])) as { status: string; wamid: string | null; meta_error_code: number | null }[])[0];

  async function sendAndSettle(to: string): Promise<SendCommand> {
    await welcomeContact(rig, to);
    const sent = command(rig.seeded, to, templateContent(template));
    await rig.produce([sent]);
    await rig.waitFor(`the outcome of ${sent.commandId}`, () => rig.outcomesOf(sent.commandId).some((outcome) => outcome.outcome !== 'accepted'));
    return sent;
  }

  it('keeps a paced send HELD; its 132015 failure pauses the template, and the template\'s next send is refused before Meta', async () => {
    const held = await sendAndSettle(waId());
    expect(rig.outcomesOf(held.commandId).map((outcome) => [outcome.outcome, 'metaMessageStatus' in outcome ? outcome.metaMessageStatus : undefined]))
      .toEqual([['accepted', undefined], ['sent', 'held_for_quality_assessment']]);
    const heldRow = await row(held.commandId);
    expect(heldRow).toMatchObject({ status: 'HELD', wamid: expect.stringMatching(/^wamid\./) });

    // Meta's verdict on the assessment: the held message fails with 132015 (as webhook-ingest publishes it).
    const failed = buildCloudEvent('messageStatus', {
      wabaId: '102290129340398', phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881', waId: held.recipient.waId, recipientId: held.recipient.waId,
      wamid: heldRow?.wamid, status: 'failed', occurredAt: new Date().toISOString(), bizOpaqueCallbackData: held.commandId,
      errors: [{ code: 132015, title: 'Template is paused due to low quality so it cannot be sent in a template message.' }],
    } as never, { id: randomUUID(), source: '/test', time: new Date() });
    if (!failed.ok) throw new Error(JSON.stringify(failed.errors));
    await rig.bus.publish([encodeKafkaMessage(failed.value)]);

    await rig.waitFor('the held send failed and the template paused', async () =>
      (await row(held.commandId))?.status === 'FAILED' &&
      (await persistence.findTemplate(rig.dataSource.manager, rig.seeded.tenantId, { wabaId: rig.seeded.wabaId, name: template.name, language: template.language }))?.status === 'PAUSED');
    expect(await row(held.commandId)).toMatchObject({ status: 'FAILED', meta_error_code: 132015 });

    const next = await sendAndSettle(waId());
    expect(rig.outcomesOf(next.commandId).map((outcome) => [outcome.outcome, 'reasonCode' in outcome ? outcome.reasonCode : undefined])).toEqual([['rejected', 'TEMPLATE_PAUSED']]);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[next.commandId]).toBeUndefined();
  });
});
