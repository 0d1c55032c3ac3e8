import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { textContent } from '../messages/message-content.builders';
import { createMetaCloudClient } from './meta-cloud.client';
import { startHarness, type Harness } from '../test/sandbox-harness';

const [first, second, third] = ['5511900000001', '5511900000002', '5511900000003'] as const;
const users = [first, second, third];

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function harness(options: Parameters<typeof startHarness>[0], client: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  h = await startHarness(options, client);
  for (const waId of users) {
    h.sandbox.control.registerUser({ waId });
    h.sandbox.control.inbound(waId);
  }
  return h;
}

const send = (target: Harness, to: string) => target.client.send({ to, content: textContent('hi') });

describe('limits', () => {
  it('130429 RATE_LIMITED with Retry-After above the per-number throughput', async () => {
    const target = await harness({ throughputPerSecond: 2 });
    // The three inbound messages of the set-up used the bucket; a second later it is full again.
    target.sandbox.control.setClockOffsetMs(1_000);
    const results = await Promise.all(users.map((to) => send(target, to)));
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ ok: false, error: { metaCode: 130429, errorClass: 'RATE_LIMITED', retryAfterMs: 1000, metaSubcode: 2494055 } });
  });

  it('131056 for the same user above the pair rate, while other users are served', async () => {
    const target = await harness({ pairBurst: 2 });
    expect((await send(target, first)).ok).toBe(true);
    expect((await send(target, first)).ok).toBe(true);
    expect(await send(target, first)).toMatchObject({ ok: false, error: { metaCode: 131056, errorClass: 'RATE_LIMITED' } });
    expect((await send(target, second)).ok).toBe(true);
    expect(target.sandbox.control.inspect().rejectedByCode).toEqual({ 131056: 1 });
  });
});

describe('transport failures are retryable values', () => {
  it('NETWORK_ERROR when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createMetaCloudClient({ accessToken: 't', phoneNumberId: '1', baseUrl: `http://127.0.0.1:${port}` });
    if (!client.ok) throw client.error;
    const result = await client.value.send({ to: first, content: textContent('hi') });
    await client.value.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR', errorClass: 'RETRYABLE' } });
  });

  it('TIMEOUT when the answer is slower than the configured timeout', async () => {
    const target = await harness({}, { requestTimeoutMs: 50 });
    target.sandbox.control.setFaults({ latencyMs: 300 });
    expect(await send(target, first)).toMatchObject({ ok: false, error: { code: 'TIMEOUT', errorClass: 'RETRYABLE' } });
  });

  it.each([
    [{ errorRate: 1 }, { code: 'META_ERROR', metaCode: 131000, httpStatus: 500, errorClass: 'RETRYABLE' }],
    [{ serverErrorRate: 1 }, { code: 'HTTP_ERROR', httpStatus: 503, errorClass: 'RETRYABLE' }],
    [{ rateLimitBurst: 1 }, { code: 'META_ERROR', metaCode: 130429, errorClass: 'RATE_LIMITED', retryAfterMs: 1000 }],
  ])('injected fault %j → %j', async (faults, expected) => {
    const target = await harness({});
    target.sandbox.control.setFaults(faults);
    expect(await send(target, first)).toMatchObject({ ok: false, error: expected });
  });
});
