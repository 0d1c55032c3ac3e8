import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../time';
import type { ErrorClass, ErrorFollowUp, MetaErrorRule, RetryClass } from './meta-error.model';

type Extras = Pick<MetaErrorRule, 'maxRetries' | 'minDelayMs'>;

function rule(
  code: number,
  title: string,
  retry: RetryClass,
  errorClass: ErrorClass,
  followUps: readonly ErrorFollowUp[] = [],
  extras: Extras = {},
): MetaErrorRule {
  return { code, title, retry, errorClass, followUps, ...extras };
}

const HALT: readonly ErrorFollowUp[] = ['HALT_SENDER', 'ALERT_OPERATOR'];
const TOKEN: readonly ErrorFollowUp[] = ['REFRESH_ACCESS_TOKEN', ...HALT];

/** Every code of RULES.md §6.2 [M27] [M14] [M21] [M36] [C3]; codes 200–299 are matched as a range. */
export const META_ERROR_RULES: readonly MetaErrorRule[] = [
  rule(0, 'Access token expired, invalid or revoked', 'HALT_AND_ALERT', 'AUTH', TOKEN),
  rule(1, 'Unknown or invalid request, possibly a server error', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { maxRetries: 1 }),
  rule(2, 'Temporary downtime or overload', 'RETRY_WITH_BACKOFF', 'RETRYABLE'),
  rule(3, 'Capability or permission problem', 'NEVER', 'AUTH', ['ALERT_OPERATOR']),
  rule(4, 'App-level API call rate limit', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', ['THROTTLE_SENDER'], { minDelayMs: MINUTE_MS }),
  rule(10, 'Permission denied or not granted', 'NEVER', 'AUTH', ['ALERT_OPERATOR']),
  rule(17, 'User request limit reached', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', ['THROTTLE_SENDER'], { minDelayMs: MINUTE_MS }),
  rule(33, 'Business phone number deleted', 'HALT_AND_ALERT', 'PERMANENT', HALT),
  rule(100, 'Invalid parameter', 'NEVER', 'PERMANENT'),
  rule(190, 'Access token expired', 'HALT_AND_ALERT', 'AUTH', TOKEN),
  rule(368, 'Temporarily blocked for policy violations', 'HALT_AND_ALERT', 'POLICY', HALT),
  rule(613, 'Call rate limit reached', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', ['THROTTLE_SENDER'], { minDelayMs: MINUTE_MS }),
  rule(80007, 'WABA rate limit reached', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', ['THROTTLE_SENDER'], { minDelayMs: MINUTE_MS }),
  rule(130429, 'Cloud API throughput reached', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', ['THROTTLE_SENDER'], { minDelayMs: SECOND_MS }),
  rule(130472, "User's number is part of a marketing experiment", 'NEVER', 'POLICY'),
  rule(130497, 'Business may not message users in this country', 'NEVER', 'POLICY', ['BLOCK_COUNTRY']),
  rule(131000, 'Something went wrong', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { maxRetries: 3 }),
  rule(131005, 'Access denied', 'NEVER', 'AUTH', ['ALERT_OPERATOR']),
  rule(131008, 'Required parameter missing', 'NEVER', 'PERMANENT'),
  rule(131009, 'Parameter value invalid', 'NEVER', 'PERMANENT'),
  rule(131016, 'Service temporarily unavailable', 'RETRY_WITH_BACKOFF', 'RETRYABLE'),
  rule(131021, 'Recipient is the sender', 'NEVER', 'PERMANENT'),
  rule(131026, 'Message undeliverable', 'NEVER', 'PERMANENT', ['MARK_CONTACT_UNDELIVERABLE']),
  rule(131030, 'Recipient not in the allowed list', 'NEVER', 'PERMANENT'),
  rule(131031, 'Business account locked', 'HALT_AND_ALERT', 'POLICY', HALT),
  rule(131037, 'Number has no approved display name', 'HALT_AND_ALERT', 'POLICY', HALT),
  rule(131042, 'Business eligibility payment issue', 'HALT_AND_ALERT', 'POLICY', HALT),
  rule(131045, 'Incorrect certificate (registration error)', 'HALT_AND_ALERT', 'PERMANENT', HALT),
  rule(131047, 'More than 24 hours since the customer last replied', 'NEVER', 'POLICY', ['MARK_WINDOW_CLOSED']),
  rule(131048, 'Spam rate limit hit', 'HALT_AND_ALERT', 'RATE_LIMITED', HALT, { minDelayMs: HOUR_MS }),
  rule(131049, 'Not delivered to maintain healthy ecosystem engagement', 'WAIT_24H', 'RATE_LIMITED', [
    'HOLD_RECIPIENT_MARKETING_24H',
  ]),
  rule(131050, 'Recipient stopped marketing messages', 'NEVER', 'POLICY', ['RECORD_MARKETING_OPT_OUT']),
  rule(131051, 'Unsupported message type', 'NEVER', 'PERMANENT'),
  rule(131052, 'Media download error (media sent by the user)', 'NEVER', 'PERMANENT'),
  rule(131053, 'Media upload error', 'NEVER', 'PERMANENT'),
  rule(131055, 'Method not allowed', 'NEVER', 'PERMANENT'),
  rule(131056, 'Pair rate limit hit', 'RETRY_LATER_FOR_RECIPIENT', 'RATE_LIMITED', ['BACK_OFF_RECIPIENT']),
  rule(131057, 'Account in maintenance mode', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { minDelayMs: MINUTE_MS }),
  rule(131062, 'Business-scoped user id not supported for this message', 'NEVER', 'PERMANENT'),
  rule(132000, 'Template parameter count mismatch', 'NEVER', 'PERMANENT'),
  rule(132001, 'Template does not exist in that language', 'NEVER', 'PERMANENT', ['SYNC_TEMPLATES']),
  rule(132005, 'Rendered template text too long', 'NEVER', 'PERMANENT'),
  rule(132007, 'Template format character policy violated', 'NEVER', 'PERMANENT'),
  rule(132012, 'Template parameter format mismatch', 'NEVER', 'PERMANENT'),
  rule(132015, 'Template paused', 'NEVER', 'POLICY', ['MARK_TEMPLATE_PAUSED']),
  rule(132016, 'Template disabled', 'NEVER', 'POLICY', ['MARK_TEMPLATE_DISABLED']),
  rule(132018, 'Template parameter has newline, tab or too many spaces', 'NEVER', 'PERMANENT'),
  rule(132068, 'Flow is blocked', 'NEVER', 'PERMANENT'),
  rule(132069, 'Flow is throttled', 'NEVER', 'PERMANENT'),
  rule(133000, 'Previous deregistration incomplete', 'NEVER', 'PERMANENT'),
  rule(133004, 'Server temporarily unavailable', 'RETRY_WITH_BACKOFF', 'RETRYABLE'),
  rule(133005, 'Two-step verification PIN mismatch', 'NEVER', 'PERMANENT'),
  rule(133006, 'Phone number needs re-verification', 'NEVER', 'PERMANENT'),
  rule(133008, 'Too many two-step verification PIN guesses', 'NEVER', 'PERMANENT'),
  rule(133009, 'Two-step verification PIN guessed too fast', 'NEVER', 'PERMANENT'),
  rule(133010, 'Phone number not registered', 'HALT_AND_ALERT', 'PERMANENT', HALT),
  rule(133015, 'Phone number recently deleted; wait 5 minutes', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { minDelayMs: 5 * MINUTE_MS }),
  rule(133016, 'Register/deregister rate limit exceeded', 'RETRY_WITH_BACKOFF', 'RATE_LIMITED', [], { minDelayMs: HOUR_MS }),
  rule(134011, 'WhatsApp Payments terms not accepted', 'NEVER', 'PERMANENT'),
  rule(134100, 'Marketing Messages API: only marketing templates', 'NEVER', 'PERMANENT'),
  rule(134101, 'Marketing Messages API: template still syncing', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { minDelayMs: 10 * MINUTE_MS }),
  rule(134102, 'Marketing Messages API: template unavailable', 'NEVER', 'PERMANENT'),
  rule(135000, 'Generic user error with the request parameters', 'NEVER', 'PERMANENT'),
  rule(2494100, 'Account in maintenance mode (migration)', 'RETRY_WITH_BACKOFF', 'RETRYABLE', [], { minDelayMs: MINUTE_MS }),
];

/** Codes 200–299: an API permission is missing. */
export function permissionRangeRule(code: number): MetaErrorRule {
  return rule(code, 'API permission missing', 'NEVER', 'AUTH', ['ALERT_OPERATOR']);
}
