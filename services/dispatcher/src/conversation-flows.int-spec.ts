import { randomUUID } from 'node:crypto';
import type { Subscription } from '@recado/bus';
import { buildCloudEvent, encodeKafkaMessage } from '@recado/contracts';
import { SAMPLE_PROMOTION } from '@recado/domain';
import { createLogger } from '@recado/service-kit';
import { createProjector } from './projector';
import { command, startDispatchRig, templateContent, textContent, welcomeContact, PHONE_NUMBER_ID, type DispatchRig } from './test/dispatch-rig';

const waId = (): string => `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('conversation flows across the send path and the projector', () => {
  let rig: DispatchRig;
  let projection: Subscription;
  beforeAll(async () => {
    rig = await startDispatchRig();
    await rig.startDispatcher();
    projection = await createProjector({ dataSource: rig.dataSource, bus: rig.bus, logger: createLogger({ service: 'projector', silent: true }) }).start();
  });
  afterAll(async () => {
    await projection.stop();
    await rig.stop();
  });

  /** The contact writes: Meta (the sandbox) sees it, and webhook-ingest's event reaches Kafka. */
  async function contactWrites(to: string, body: string): Promise<void> {
    const wamid = rig.sandbox.control.inbound(to, { text: body })?.wamid ?? `wamid.${randomUUID()}`;
    const now = new Date();
    const built = buildCloudEvent('inboundMessage', {
      wabaId: '102290129340398', phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '15550783881', waId: to, profileName: 'Ana', occurredAt: now.toISOString(),
      message: { from: to, id: wamid, timestamp: String(Math.floor(now.getTime() / 1000)), type: 'text', text: { body } },
    }, { id: `inbound-${wamid}`, source: '/recado/webhook-ingest', time: now });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    await rig.bus.publish([encodeKafkaMessage(built.value)]);
    await rig.waitFor('the inbound message stored', async () =>
      ((await rig.dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE wamid = $1`, [wamid])) as { n: number }[])[0]?.n === 1);
  }

  async function decisionOf(content: ReturnType<typeof textContent>, to: string): Promise<{ outcome: string; reasonCode?: string }> {
    const sent = command(rig.seeded, to, content);
    await rig.produce([sent]);
    await rig.waitFor('a final outcome', () => rig.outcomesOf(sent.commandId).some((outcome) => outcome.outcome !== 'accepted'));
    return rig.outcomesOf(sent.commandId).find((outcome) => outcome.outcome !== 'accepted') as { outcome: string; reasonCode?: string };
  }

  it('continue conversation: template after the window closed, free-form blocked until the reply, allowed after', async () => {
    const to = waId();
    await welcomeContact(rig, to, { inbound: false });
    expect(await decisionOf(textContent('Oi, tudo bem?'), to)).toMatchObject({ outcome: 'rejected', reasonCode: 'WINDOW_CLOSED' });
    expect(await decisionOf(templateContent(), to)).toMatchObject({ outcome: 'sent' });
    expect(await decisionOf(textContent('Viu nossa mensagem?'), to)).toMatchObject({ outcome: 'rejected', reasonCode: 'AWAITING_CONTACT_REPLY' });
    await contactWrites(to, 'Vi sim, obrigado!');
    const reply = command(rig.seeded, to, textContent('Que bom!'));
    await rig.produce([reply]);
    // The pair rate keeps 6 s between two messages to one contact: the reply may wait for it, never be refused.
    await rig.waitFor('the free-form reply sent', () => rig.outcomesOf(reply.commandId).some((outcome) => outcome.outcome === 'sent'), 30_000);
    expect(rig.outcomesOf(reply.commandId).filter((outcome) => outcome.outcome === 'rejected')).toEqual([]);
  }, 60_000);

  it('keyword opt-out in an inbound message blocks the next marketing send', async () => {
    const to = waId();
    await welcomeContact(rig, to);
    await contactWrites(to, 'PARAR');
    await rig.waitFor('the opt-out recorded', async () =>
      ((await rig.dataSource.query(`SELECT status FROM current_consents cc JOIN contacts c ON c.id = cc.contact_id WHERE c.wa_id = $1 AND cc.category = 'MARKETING'`, [to])) as { status: string }[])[0]?.status === 'OPTED_OUT');
    expect(await decisionOf(templateContent(SAMPLE_PROMOTION), to)).toMatchObject({ outcome: 'rejected', reasonCode: 'CONSENT_OPTED_OUT' });
    expect(rig.sandbox.control.inspect().acceptedByRecipient[to] ?? 0).toBe(0);
  }, 60_000);
});
