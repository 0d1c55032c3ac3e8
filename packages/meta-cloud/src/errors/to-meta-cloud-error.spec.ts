import { toMetaCloudError, transportError } from './to-meta-cloud-error';
import { parseRetryAfter } from './retry-after';

const NOW = new Date('2026-11-23T10:00:00Z');
const body = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) title`, type: 'OAuthException', code, fbtrace_id: 'Az8or2', ...extra },
});

describe('toMetaCloudError', () => {
  it.each([
    [400, 130429, 'RATE_LIMITED', true],
    [400, 131056, 'RATE_LIMITED', true],
    [400, 131047, 'POLICY', false],
    [400, 131026, 'PERMANENT', false],
    [401, 190, 'AUTH', false],
    [500, 131000, 'RETRYABLE', true],
    [503, 2, 'RETRYABLE', true],
    [404, 132001, 'PERMANENT', false],
  ])('HTTP %i code %i is %s', (status, code, errorClass, retryable) => {
    const error = toMetaCloudError({ status, headers: {}, body: body(code) }, NOW);
    expect(error).toMatchObject({ code: 'META_ERROR', metaCode: code, errorClass, fbtraceId: 'Az8or2', httpStatus: status });
    expect(error.retryable).toBe(retryable);
  });

  it('keeps subcode, details and Retry-After', () => {
    const error = toMetaCloudError(
      { status: 400, headers: { 'retry-after': '7' }, body: body(130429, { error_subcode: 2494055, error_data: { details: 'throughput' } }) },
      NOW,
    );
    expect(error).toMatchObject({ metaSubcode: 2494055, details: 'throughput', retryAfterMs: 7000 });
  });

  it.each([
    [429, 'RATE_LIMITED'],
    [502, 'RETRYABLE'],
    [403, 'AUTH'],
    [400, 'PERMANENT'],
  ])('HTTP %i without an error body is HTTP_ERROR %s', (status, errorClass) => {
    expect(toMetaCloudError({ status, headers: {}, body: '<html>' }, NOW)).toMatchObject({ code: 'HTTP_ERROR', errorClass });
  });

  it.each([
    [true, 'TIMEOUT'],
    [false, 'NETWORK_ERROR'],
  ])('transport failure (timeout %s) is retryable %s', (timedOut, code) => {
    const error = transportError(new Error('socket hang up'), timedOut);
    expect(error).toMatchObject({ code, errorClass: 'RETRYABLE' });
    expect(error.retryable).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | undefined, number | undefined]>([
    ['30', 30_000],
    ['Mon, 23 Nov 2026 10:00:05 GMT', 5_000],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
    ['', undefined],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
