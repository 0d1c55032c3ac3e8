import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';
import type { ErrorClass, ErrorFollowUp, RetryClass } from './meta-error.model';
import { classifyMetaError, retryDelayMs } from './meta-error.classify';
import { META_ERROR_RULES } from './meta-error.table';

/** Every code listed in RULES.md §6.2, with the retry key of its "Retry" column. */
const RULE_BOOK: readonly [number, RetryClass][] = [
  [0, 'HALT_AND_ALERT'], [3, 'NEVER'], [10, 'NEVER'], [190, 'HALT_AND_ALERT'], [200, 'NEVER'], [250, 'NEVER'], [299, 'NEVER'],
  [4, 'RETRY_WITH_BACKOFF'], [17, 'RETRY_WITH_BACKOFF'], [613, 'RETRY_WITH_BACKOFF'], [80007, 'RETRY_WITH_BACKOFF'],
  [130429, 'RETRY_WITH_BACKOFF'], [131048, 'HALT_AND_ALERT'], [131056, 'RETRY_LATER_FOR_RECIPIENT'], [368, 'HALT_AND_ALERT'],
  [131031, 'HALT_AND_ALERT'], [130497, 'NEVER'], [1, 'RETRY_WITH_BACKOFF'], [2, 'RETRY_WITH_BACKOFF'], [33, 'HALT_AND_ALERT'],
  [100, 'NEVER'], [130472, 'NEVER'], [131000, 'RETRY_WITH_BACKOFF'], [131005, 'NEVER'], [131008, 'NEVER'], [131009, 'NEVER'],
  [131016, 'RETRY_WITH_BACKOFF'], [131021, 'NEVER'], [131026, 'NEVER'], [131030, 'NEVER'], [131037, 'HALT_AND_ALERT'],
  [131042, 'HALT_AND_ALERT'], [131045, 'HALT_AND_ALERT'], [131047, 'NEVER'], [131049, 'WAIT_24H'], [131050, 'NEVER'],
  [131051, 'NEVER'], [131052, 'NEVER'], [131053, 'NEVER'], [131055, 'NEVER'], [131057, 'RETRY_WITH_BACKOFF'], [131062, 'NEVER'],
  [132000, 'NEVER'], [132001, 'NEVER'], [132005, 'NEVER'], [132007, 'NEVER'], [132012, 'NEVER'], [132015, 'NEVER'],
  [132016, 'NEVER'], [132018, 'NEVER'], [132068, 'NEVER'], [132069, 'NEVER'], [133000, 'NEVER'], [133004, 'RETRY_WITH_BACKOFF'],
  [133005, 'NEVER'], [133006, 'NEVER'], [133008, 'NEVER'], [133009, 'NEVER'], [133010, 'HALT_AND_ALERT'], [133015, 'RETRY_WITH_BACKOFF'],
  [133016, 'RETRY_WITH_BACKOFF'], [134011, 'NEVER'], [134100, 'NEVER'], [134101, 'RETRY_WITH_BACKOFF'], [134102, 'NEVER'],
  [135000, 'NEVER'], [2494100, 'RETRY_WITH_BACKOFF'],
];

describe('classifyMetaError', () => {
  it.each(RULE_BOOK)('%i → %s, the same from the send response and the status webhook', (code, retry) => {
    const sync = classifyMetaError({ code, origin: 'SEND_RESPONSE', httpStatus: 400 });
    const async = classifyMetaError({ code, origin: 'STATUS_WEBHOOK' });
    expect(sync).toEqual(async);
    expect(sync).toMatchObject({ code, retry, known: true });
    expect(sync.title.length).toBeGreaterThan(3);
  });

  it('has a row for every table entry and no duplicate codes', () => {
    const codes = META_ERROR_RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(RULE_BOOK.some(([listed]) => listed === code)).toBe(true);
  });

  it.each<[number, ErrorFollowUp]>([
    [131050, 'RECORD_MARKETING_OPT_OUT'],
    [131047, 'MARK_WINDOW_CLOSED'],
    [131049, 'HOLD_RECIPIENT_MARKETING_24H'],
    [132015, 'MARK_TEMPLATE_PAUSED'],
    [132016, 'MARK_TEMPLATE_DISABLED'],
    [131026, 'MARK_CONTACT_UNDELIVERABLE'],
    [131056, 'BACK_OFF_RECIPIENT'],
    [130429, 'THROTTLE_SENDER'],
    [190, 'REFRESH_ACCESS_TOKEN'],
    [131048, 'HALT_SENDER'],
    [132001, 'SYNC_TEMPLATES'],
    [130497, 'BLOCK_COUNTRY'],
  ])('%i implies %s', (code, followUp) => {
    expect(classifyMetaError({ code, origin: 'STATUS_WEBHOOK' }).followUps).toContain(followUp);
  });

  it.each<[number, ErrorClass]>([
    [130429, 'RATE_LIMITED'], [131000, 'RETRYABLE'], [131047, 'POLICY'], [132000, 'PERMANENT'], [190, 'AUTH'],
  ])('%i is coarse class %s', (code, errorClass) => {
    expect(classifyMetaError({ code, origin: 'SEND_RESPONSE' }).errorClass).toBe(errorClass);
  });

  it.each<[string, number | undefined, 'SEND_RESPONSE' | 'STATUS_WEBHOOK', RetryClass, ErrorClass]>([
    ['unknown webhook error', undefined, 'STATUS_WEBHOOK', 'NEVER', 'PERMANENT'],
    ['unknown 400', 400, 'SEND_RESPONSE', 'NEVER', 'PERMANENT'],
    ['unknown 503', 503, 'SEND_RESPONSE', 'RETRY_WITH_BACKOFF', 'RETRYABLE'],
    ['unknown 429', 429, 'SEND_RESPONSE', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED'],
    ['HTTP status ignored on webhooks', 503, 'STATUS_WEBHOOK', 'NEVER', 'PERMANENT'],
  ])('%s gets a safe default', (_name, httpStatus, origin, retry, errorClass) => {
    const result = classifyMetaError({ code: 999_999, origin, ...(httpStatus === undefined ? {} : { httpStatus }) });
    expect(result).toMatchObject({ known: false, retry, errorClass });
    expect(result.followUps.length).toBeGreaterThan(0);
  });
});

describe('retryDelayMs', () => {
  const of = (code: number) => classifyMetaError({ code, origin: 'SEND_RESPONSE' });

  it.each<[string, number, number, number | null]>([
    ['never', 131047, 0, null],
    ['halt without a resume time', 190, 0, null],
    ['spam limit: pause hours', 131048, 0, HOUR_MS],
    ['per-user marketing cap', 131049, 3, DAY_MS],
    ['pair rate 4^0', 131056, 0, SECOND_MS],
    ['pair rate 4^2', 131056, 2, 16 * SECOND_MS],
    ['pair rate 4^4', 131056, 4, 256 * SECOND_MS],
    ['pair rate gives up', 131056, 9, null],
    ['throughput 1st retry', 130429, 0, SECOND_MS],
    ['throughput 3rd retry', 130429, 2, 4 * SECOND_MS],
    ['throughput 5th retry', 130429, 4, 16 * SECOND_MS],
    ['backoff capped at 15 min', 4, 4, 15 * MINUTE_MS],
    ['retry once only', 1, 1, null],
    ['minimum delay respected above the cap', 133016, 0, HOUR_MS],
    ['template still syncing', 134101, 0, 10 * MINUTE_MS],
  ])('%s', (_name, code, attempt, expected) => {
    expect(retryDelayMs(of(code), attempt)).toBe(expected);
  });
});
