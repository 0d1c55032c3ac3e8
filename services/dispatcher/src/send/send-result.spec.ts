import { classifyMetaError } from '@recado/domain';
import { MetaCloudError, type MetaCloudErrorDetails, type SendResult } from '@recado/meta-cloud';
import { judgeSendResult } from './send-result';

const failure = (details: Partial<MetaCloudErrorDetails>) => ({
  ok: false as const,
  error: new MetaCloudError({ code: 'META_ERROR', errorClass: 'RETRYABLE', message: 'x', ...details }),
});
const metaError = (metaCode: number, httpStatus = 400, extra: Partial<MetaCloudErrorDetails> = {}) =>
  failure({ code: 'META_ERROR', metaCode, httpStatus, classification: classifyMetaError({ code: metaCode, origin: 'SEND_RESPONSE', httpStatus }), ...extra });
const accepted = (messageStatus?: string) => ({ ok: true as const, value: { wamid: 'wamid.1', waId: '5511', input: undefined, messageStatus } as SendResult });

describe('judgeSendResult', () => {
  it.each([
    ['an accepted send', accepted('accepted'), 1, { kind: 'sent', held: false }],
    ['a paced template', accepted('held_for_quality_assessment'), 1, { kind: 'sent', held: true }],
    ['a timeout (Meta may have it)', failure({ code: 'TIMEOUT' }), 1, { kind: 'in-doubt' }],
    ['a reset connection', failure({ code: 'NETWORK_ERROR', message: 'Cloud API unreachable: other side closed' }), 1, { kind: 'in-doubt' }],
    ['an unreadable 200', failure({ code: 'INVALID_RESPONSE' }), 1, { kind: 'in-doubt' }],
    ['a refused connection', failure({ code: 'NETWORK_ERROR', message: 'Cloud API unreachable: connect ECONNREFUSED 127.0.0.1:1' }), 1, { kind: 'retry', reasonCode: 'META_RETRY', delayMs: 1_000 }],
    ['a refused connection, sixth attempt', failure({ code: 'NETWORK_ERROR', message: 'connect ECONNREFUSED' }), 6, { kind: 'failed', reasonCode: 'META_RETRY' }],
    ['a bare 503', failure({ code: 'HTTP_ERROR', httpStatus: 503 }), 2, { kind: 'retry', reasonCode: 'HTTP_503', delayMs: 2_000 }],
    ['a bare 400', failure({ code: 'HTTP_ERROR', httpStatus: 400 }), 1, { kind: 'failed', reasonCode: 'HTTP_400' }],
    ['a request the client refused', failure({ code: 'INVALID_REQUEST' }), 1, { kind: 'failed', reasonCode: 'INVALID_REQUEST' }],
    ['a configuration the client refused', failure({ code: 'INVALID_CONFIG' }), 1, { kind: 'failed', reasonCode: 'INVALID_CONFIG' }],
    ['131047 window closed', metaError(131047), 1, { kind: 'failed', reasonCode: 'META_131047' }],
    ['131026 undeliverable', metaError(131026), 1, { kind: 'failed', reasonCode: 'META_131026' }],
    ['131000 something went wrong', metaError(131000, 500), 1, { kind: 'retry', reasonCode: 'META_131000' }],
  ] as const)('%s', (_case, answer, attempt, expected) => {
    expect(judgeSendResult(answer, attempt, () => 0)).toMatchObject(expected);
  });

  it('waits at least what Retry-After asks (130429)', () => {
    const verdict = judgeSendResult(metaError(130429, 429, { retryAfterMs: 7_000 }), 1, () => 0);
    expect(verdict).toMatchObject({ kind: 'retry', reasonCode: 'META_130429' });
    expect(verdict.kind === 'retry' && verdict.delayMs).toBeGreaterThanOrEqual(7_000);
  });

  it('adds up to 25 % jitter', () => {
    const base = judgeSendResult(failure({ code: 'HTTP_ERROR', httpStatus: 503 }), 1, () => 0);
    const most = judgeSendResult(failure({ code: 'HTTP_ERROR', httpStatus: 503 }), 1, () => 0.999);
    expect(base.kind === 'retry' && base.delayMs).toBe(1_000);
    expect(most.kind === 'retry' && most.delayMs).toBe(1_250);
  });
});
