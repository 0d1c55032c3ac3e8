import { everyOutboundMessage } from '../test/client-payloads.fixture';
import { templateContent, textContent } from '../messages/message-content.builders';
import { createMetaCloudClient } from './meta-cloud.client';
import { startHarness, TOKEN, type Harness } from '../test/sandbox-harness';

const USER = '5511987654321';
const hello = templateContent({ name: 'hello_world', language: { code: 'en_US' } });

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sandbox.control.registerUser({ waId: USER, aliases: ['551187654321'] });
});
afterEach(() => h.stop());

describe('sends against the sandbox over HTTP', () => {
  it('accepts every message the client builds inside the window', async () => {
    h.sandbox.control.inbound(USER);
    for (const [name, message] of everyOutboundMessage()) {
      if (message.content.type === 'template') {
        const { name: template, language } = message.content.template;
        h.sandbox.control.addTemplate({ name: template, language: language.code, category: 'UTILITY' });
      }
      const result = await h.client.send(message);
      expect([name, result.ok]).toEqual([name, true]);
    }
  });

  it('returns the wamid and the canonical wa_id, which may differ from the number sent to', async () => {
    h.sandbox.control.inbound(USER);
    const result = await h.client.send({ to: '+551187654321', content: textContent('Oi') });
    expect(result).toMatchObject({ ok: true, value: { waId: USER, input: '+551187654321', wamid: expect.stringMatching(/^wamid\./) } });
  });

  it('marks a message as read', async () => {
    expect(await h.client.markAsRead('wamid.X', { typingIndicator: true })).toEqual({ ok: true, value: true });
  });

  it('refuses an invalid message before sending it', async () => {
    const result = await h.client.send({ to: USER, content: textContent('') });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', errorClass: 'PERMANENT' } });
    expect(h.sandbox.control.inspect().accepted + h.sandbox.control.inspect().rejected).toBe(0);
  });
});

describe("Meta's refusals, mapped into the taxonomy", () => {
  const codeOf = async (message: Parameters<Harness['client']['send']>[0]) => {
    const result = await h.client.send(message);
    return result.ok ? 'accepted' : `${result.error.metaCode ?? result.error.code} ${result.error.errorClass}`;
  };

  it('131047 for free-form outside the window, accepted inside, 131047 again 24 h later', async () => {
    expect(await codeOf({ to: USER, content: textContent('hi') })).toBe('131047 POLICY');
    h.sandbox.control.inbound(USER);
    expect(await codeOf({ to: USER, content: textContent('hi') })).toBe('accepted');
    h.sandbox.control.setClockOffsetMs(24 * 3_600_000 + 1);
    expect(await codeOf({ to: USER, content: textContent('hi') })).toBe('131047 POLICY');
  });

  it('131026 for a number that is not a WhatsApp user', async () => {
    expect(await codeOf({ to: '5511900000000', content: hello })).toBe('131026 PERMANENT');
  });

  it.each([
    ['missing', undefined, '132001 PERMANENT'],
    ['pending', 'PENDING', '132001 PERMANENT'],
    ['rejected', 'REJECTED', '132001 PERMANENT'],
    ['paused', 'PAUSED', '132015 POLICY'],
    ['disabled', 'DISABLED', '132016 POLICY'],
    ['approved', 'APPROVED', 'accepted'],
  ] as const)('%s template (%s) → %s', async (_name, status, expected) => {
    if (status !== undefined) h.sandbox.control.addTemplate({ name: 'hello_world', language: 'en_US', category: 'UTILITY', status });
    expect(await codeOf({ to: USER, content: hello })).toBe(expected);
  });

  it('132001 when the language differs from the approved one', async () => {
    h.sandbox.control.addTemplate({ name: 'hello_world', language: 'en', category: 'UTILITY' });
    expect(await codeOf({ to: USER, content: hello })).toBe('132001 PERMANENT');
  });

  it('190 AUTH with a wrong token', async () => {
    const other = createMetaCloudClient({ accessToken: `${TOKEN}-old`, phoneNumberId: '106540352242922', baseUrl: h.sandbox.url });
    if (!other.ok) throw other.error;
    const result = await other.value.send({ to: USER, content: hello });
    await other.value.close();
    expect(result).toMatchObject({ ok: false, error: { metaCode: 190, errorClass: 'AUTH', httpStatus: 401, fbtraceId: expect.any(String) } });
  });
});
