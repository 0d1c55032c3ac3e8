import { randomUUID } from 'node:crypto';
import { SAMPLE_PROMOTION } from '@recado/domain';
import * as persistence from '@recado/persistence';
import { command, startDispatchRig, templateContent, textContent, welcomeContact, type DispatchRig } from './test/dispatch-rig';

const waId = (): string => `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('dispatcher send path (PostgreSQL, Kafka test broker, Meta sandbox)', () => {
  let rig: DispatchRig;
  beforeAll(async () => {
    rig = await startDispatchRig();
    await rig.startDispatcher();
  });
  afterAll(() => rig.stop());

  const messageRow = async (commandId: string) =>
    (await rig.dataSource.query(`SELECT status, wamid, reason_code, decision, pricing_category, cost_estimate FROM messages WHERE command_id = $1`, [commandId]))[0] as Record<string, unknown> | undefined;

  it('sends an allowed template once, with the command id as callback data, and announces accepted then sent', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    const sent = command(rig.seeded, to, templateContent());
    await rig.produce([sent]);
    await rig.waitFor('the sent outcome', () => rig.outcomesOf(sent.commandId).some((outcome) => outcome.outcome === 'sent'));
    expect(rig.outcomesOf(sent.commandId).map((outcome) => outcome.outcome)).toEqual(['accepted', 'sent']);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[sent.commandId]).toBe(1);
    expect(await messageRow(sent.commandId)).toMatchObject({ status: 'ACCEPTED', decision: 'ALLOW', pricing_category: 'UTILITY', wamid: expect.stringMatching(/^wamid\./) });
  });

  it("sends a command that names the contact by its user id to the contact's phone number", async () => {
    const to = waId();
    await welcomeContact(rig, to);
    const userId = `BR.${randomUUID()}`;
    await persistence.upsertContacts(rig.dataSource.manager, rig.seeded.tenantId, [{ waId: to, businessScopedUserId: userId }]);
    const sent = { ...command(rig.seeded, to, templateContent()), recipient: { userId } };
    await rig.produce([sent]);
    await rig.waitFor('the sent outcome', () => rig.outcomesOf(sent.commandId).some((outcome) => outcome.outcome === 'sent'));
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[sent.commandId]).toBe(1);
    expect(rig.sandbox.control.inspect().acceptedByRecipient[to]).toBe(1);
  });

  it('rejects free-form outside the window without calling Meta', async () => {
    const to = waId();
    await welcomeContact(rig, to, { inbound: false });
    const refused = command(rig.seeded, to, textContent('Oi'));
    await rig.produce([refused]);
    await rig.waitFor('the rejection', () => rig.outcomesOf(refused.commandId).length > 0);
    expect(rig.outcomesOf(refused.commandId)).toEqual([expect.objectContaining({ outcome: 'rejected', reasonCode: 'WINDOW_CLOSED' })]);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[refused.commandId]).toBeUndefined();
    expect(await messageRow(refused.commandId)).toMatchObject({ status: 'REJECTED', reason_code: 'WINDOW_CLOSED' });
  });

  it('rejects marketing to a contact without opt-in', async () => {
    const to = waId();
    await welcomeContact(rig, to, { optIn: false });
    const promotion = command(rig.seeded, to, templateContent(SAMPLE_PROMOTION));
    await rig.produce([promotion]);
    await rig.waitFor('the rejection', () => rig.outcomesOf(promotion.commandId).length > 0);
    expect(rig.outcomesOf(promotion.commandId)).toEqual([expect.objectContaining({ outcome: 'rejected', reasonCode: 'CONSENT_MISSING' })]);
  });

  it('sends a command produced twice only once', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    const twice = command(rig.seeded, to, templateContent());
    await rig.produce([twice]);
    await rig.produce([twice]);
    await rig.waitFor('the send', () => rig.outcomesOf(twice.commandId).some((outcome) => outcome.outcome === 'sent'));
    const marker = command(rig.seeded, to, textContent('depois'));
    await rig.produce([marker]);
    await rig.waitFor('a later command on the same key', () => rig.outcomesOf(marker.commandId).length > 0);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[twice.commandId]).toBe(1);
    expect(rig.outcomesOf(twice.commandId).filter((outcome) => outcome.outcome === 'sent')).toHaveLength(1);
  });

  it('sends malformed records and unknown tenants to the dead letters and carries on', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    const stranger = { ...command(rig.seeded, to, templateContent()), tenantId: `nobody-${randomUUID()}` };
    await rig.bus.publish([{ topic: 'recado.send-commands.v1', key: `106540352242922:${to}`, value: Buffer.from('{"not":"a command"}'), headers: {} }]);
    await rig.produce([stranger]);
    const after = command(rig.seeded, to, templateContent());
    await rig.produce([after]);
    await rig.waitFor('the command after them', () => rig.outcomesOf(after.commandId).some((outcome) => outcome.outcome === 'sent'));
    await rig.waitFor('two dead letters', () => rig.deadLetters.length >= 2);
    expect(rig.deadLetters.map((event) => (event.data as { reasonCode: string }).reasonCode).sort()).toEqual(['INVALID_ENVELOPE', 'UNKNOWN_TENANT']);
    const original = rig.deadLetters.find((event) => (event.data as { reasonCode: string }).reasonCode === 'INVALID_ENVELOPE');
    expect(Buffer.from((original?.data as { originalValueBase64: string }).originalValueBase64, 'base64').toString()).toBe('{"not":"a command"}');
  });
});
