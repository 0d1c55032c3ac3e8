import type { SendCommand } from '@recado/contracts';
import * as persistence from '@recado/persistence';
import { command, startDispatchRig, templateContent, textContent, welcomeContact, type DispatchRig } from './test/dispatch-rig';

const waId = (): string => `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('dispatcher: held-back sends, retries and Meta errors', () => {
  let rig: DispatchRig;
  beforeAll(async () => {
    rig = await startDispatchRig();
    await rig.startDispatcher({ inDoubtGraceMs: 2_000 });
  });
  afterAll(() => rig.stop());

  const statusOf = async (commandId: string): Promise<string | undefined> =>
    ((await rig.dataSource.query(`SELECT status FROM messages WHERE command_id = $1`, [commandId])) as { status: string }[])[0]?.status;

  it('defers a send that comes too soon after the previous one (pair rate), keeps the contact’s order, and sends both later', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    const sends = ['1', '2', '3'].map((text) => command(rig.seeded, to, textContent(text)));
    const [first, second, third] = sends as [SendCommand, SendCommand, SendCommand];
    await rig.produce(sends);
    await rig.waitFor('all three sent', () => sends.every((sent) => rig.outcomesOf(sent.commandId).some((outcome) => outcome.outcome === 'sent')), 40_000);
    expect(rig.outcomesOf(second.commandId)[0]).toMatchObject({ outcome: 'deferred', reasonCode: 'PAIR_RATE' });
    expect(rig.outcomesOf(third.commandId)[0]).toMatchObject({ outcome: 'deferred', reasonCode: 'QUEUED_BEHIND_HELD' });
    const wamids = await rig.dataSource.query(`SELECT command_id, accepted_at FROM messages WHERE command_id = ANY($1) ORDER BY accepted_at`, [[first.commandId, second.commandId, third.commandId]]) as { command_id: string }[];
    expect(wamids.map((row) => row.command_id)).toEqual([first.commandId, second.commandId, third.commandId]);
    expect(await rig.dataSource.query(`SELECT count(*)::int AS n FROM scheduled_sends WHERE command_id = ANY($1)`, [[second.commandId, third.commandId]])).toEqual([{ n: 0 }]);
  }, 60_000);

  it('absorbs a storm of Meta 5xx answers: retried with backoff, sent exactly once', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    rig.sandbox.control.setFaults({ serverErrorRate: 1 });
    const stormy = command(rig.seeded, to, templateContent());
    await rig.produce([stormy]);
    await rig.waitFor('a retry', () => rig.outcomesOf(stormy.commandId).some((outcome) => outcome.outcome === 'deferred'));
    rig.sandbox.control.setFaults({ serverErrorRate: 0 });
    await rig.waitFor('the send', () => rig.outcomesOf(stormy.commandId).some((outcome) => outcome.outcome === 'sent'), 40_000);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[stormy.commandId]).toBe(1);
    expect(rig.outcomesOf(stormy.commandId).find((outcome) => outcome.outcome === 'deferred')).toMatchObject({ reasonCode: expect.stringMatching(/^(META_|HTTP_)/) });
  }, 60_000);

  it('absorbs 429 rate limiting (130429) with Retry-After', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    rig.sandbox.control.setFaults({ rateLimitBurst: 2 });
    const limited = command(rig.seeded, to, templateContent());
    await rig.produce([limited]);
    await rig.waitFor('the send', () => rig.outcomesOf(limited.commandId).some((outcome) => outcome.outcome === 'sent'), 40_000);
    expect(rig.outcomesOf(limited.commandId).filter((outcome) => outcome.outcome === 'deferred').map((outcome) => (outcome as { reasonCode: string }).reasonCode)).toContain('META_130429');
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[limited.commandId]).toBe(1);
  }, 60_000);

  it("fails a free-form send Meta refuses with 131047 and closes the window it thought open", async () => {
    const to = waId();
    await welcomeContact(rig, to, { inbound: false });
    // Our records say the contact wrote a minute ago; Meta never saw it.
    const contactId = (await rig.dataSource.query(`SELECT id FROM contacts WHERE wa_id = $1`, [to]) as { id: string }[])[0]?.id;
    await rig.dataSource.query(`INSERT INTO conversation_states (tenant_id, phone_number_id, contact_id, last_inbound_at, updated_at) VALUES ($1, $2, $3, now() - interval '1 minute', now())`, [rig.seeded.tenantId, rig.seeded.phoneId, contactId]);
    const refused = command(rig.seeded, to, textContent('Oi'));
    await rig.produce([refused]);
    await rig.waitFor('the failure', () => rig.outcomesOf(refused.commandId).some((outcome) => outcome.outcome === 'failed'));
    expect(rig.outcomesOf(refused.commandId).at(-1)).toMatchObject({ outcome: 'failed', reasonCode: 'META_131047', error: { metaCode: 131047 } });
    expect(await statusOf(refused.commandId)).toBe('FAILED');
    const [state] = await rig.dataSource.query(`SELECT closed_by_meta_at FROM conversation_states WHERE contact_id = $1`, [contactId]) as { closed_by_meta_at: Date | null }[];
    expect(state?.closed_by_meta_at).not.toBeNull();
    const next = command(rig.seeded, to, textContent('De novo'));
    await rig.produce([next]);
    await rig.waitFor('the next decision', () => rig.outcomesOf(next.commandId).length > 0);
    expect(rig.outcomesOf(next.commandId)[0]).toMatchObject({ outcome: 'rejected', reasonCode: 'WINDOW_CLOSED' });
  });

  it('fails a send whose Meta call started but never got an answer (in doubt), without sending it again', async () => {
    const to = waId();
    const contactId = await welcomeContact(rig, to);
    const lost = command(rig.seeded, to, textContent('perdida'));
    await persistence.insertMessages(rig.dataSource.manager, rig.seeded.tenantId, [{ commandId: lost.commandId, phoneNumberId: rig.seeded.phoneId, contactId, direction: 'OUTBOUND', type: 'text', content: lost.content as never, decision: 'ALLOW', status: 'PENDING' }]);
    expect(await persistence.startMetaCalls(rig.dataSource.manager, rig.seeded.tenantId, [lost.commandId], new Date(Date.now() - 60_000))).toEqual(new Set([lost.commandId]));
    await rig.waitFor('the in-doubt failure', () => rig.outcomesOf(lost.commandId).length > 0, 20_000);
    expect(rig.outcomesOf(lost.commandId)).toEqual([expect.objectContaining({ outcome: 'failed', reasonCode: 'SEND_IN_DOUBT', tenantId: rig.seeded.tenantSlug })]);
    expect(await statusOf(lost.commandId)).toBe('FAILED');
    await rig.produce([lost]);
    const marker = command(rig.seeded, to, templateContent());
    await rig.produce([marker]);
    await rig.waitFor('a later command', () => rig.outcomesOf(marker.commandId).length > 0);
    expect(rig.sandbox.control.inspect().acceptedByCallbackData[lost.commandId]).toBeUndefined();
  });
});
