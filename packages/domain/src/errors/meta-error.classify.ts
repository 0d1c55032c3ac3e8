import { DAY_MS, MINUTE_MS, SECOND_MS } from '../time';
import type { MetaErrorClassification, MetaErrorInput, MetaErrorRule } from './meta-error.model';
import { META_ERROR_RULES, permissionRangeRule } from './meta-error.table';

const BY_CODE: ReadonlyMap<number, MetaErrorRule> = new Map(META_ERROR_RULES.map((entry) => [entry.code, entry]));

const DEFAULT_MAX_RETRIES = 5;
const BACKOFF_BASE_MS = SECOND_MS;
const BACKOFF_CAP_MS = 15 * MINUTE_MS;

/**
 * Classifies a Meta error by its `code`, the same way whether it came in the send
 * response or in a status webhook [M27] §6.1. Unknown codes never retry blindly: they stop
 * and alert, except a synchronous 5xx (retried once) or 429 (backed off).
 */
export function classifyMetaError(input: MetaErrorInput): MetaErrorClassification {
  const known = BY_CODE.get(input.code) ?? (input.code >= 200 && input.code <= 299 ? permissionRangeRule(input.code) : undefined);
  if (known !== undefined) return { ...known, known: true };
  return { ...unknownRule(input), known: false };
}

function unknownRule(input: MetaErrorInput): MetaErrorRule {
  const base = { code: input.code, title: 'Unknown Meta error' };
  const status = input.origin === 'SEND_RESPONSE' ? input.httpStatus : undefined;
  if (status === 429) {
    return { ...base, retry: 'RETRY_WITH_BACKOFF', errorClass: 'RATE_LIMITED', followUps: ['THROTTLE_SENDER'] };
  }
  if (status !== undefined && status >= 500) {
    return { ...base, retry: 'RETRY_WITH_BACKOFF', errorClass: 'RETRYABLE', followUps: ['ALERT_OPERATOR'], maxRetries: 1 };
  }
  return { ...base, retry: 'NEVER', errorClass: 'PERMANENT', followUps: ['ALERT_OPERATOR'] };
}

/**
 * Delay before retry number `attempt` (0 = first retry), or `null` when the error must not
 * be retried automatically. Deterministic: the caller adds jitter.
 */
export function retryDelayMs(rule: MetaErrorRule, attempt: number): number | null {
  switch (rule.retry) {
    case 'NEVER':
      return null;
    case 'HALT_AND_ALERT':
      return rule.minDelayMs ?? null;
    case 'WAIT_24H':
      return DAY_MS;
    case 'RETRY_LATER_FOR_RECIPIENT':
      // Pair-rate guidance: wait 4^X seconds [M31].
      if (attempt >= (rule.maxRetries ?? DEFAULT_MAX_RETRIES)) return null;
      return Math.min(BACKOFF_CAP_MS, SECOND_MS * 4 ** attempt);
    case 'RETRY_WITH_BACKOFF': {
      if (attempt >= (rule.maxRetries ?? DEFAULT_MAX_RETRIES)) return null;
      const base = rule.minDelayMs ?? BACKOFF_BASE_MS;
      return Math.min(Math.max(BACKOFF_CAP_MS, base), base * 2 ** attempt);
    }
  }
}
