import { parseSendOutcome } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const accepted = fixtureData('send-outcome.accepted');
const deferred = fixtureData('send-outcome.deferred');
const rejected = fixtureData('send-outcome.rejected');
const sent = fixtureData('send-outcome.sent');
const failed = fixtureData('send-outcome.failed');

const rows: Row[] = [
  ['accepted', accepted, []],
  ['deferred', deferred, []],
  ['rejected', rejected, []],
  ['sent', sent, []],
  ['failed', failed, []],
  ['an unknown outcome', patched(accepted, 'outcome', 'lost'), ['outcome']],
  ['deferred without deferredUntil', patched(deferred, 'deferredUntil', absent), ['deferredUntil']],
  ['deferred without reason code', patched(deferred, 'reasonCode', absent), ['reasonCode']],
  ['rejected with a lower-case reason code', patched(rejected, 'reasonCode', 'window closed'), ['reasonCode']],
  ['sent without wamid', patched(sent, 'wamid', absent), ['wamid']],
  ['failed without error', patched(failed, 'error', absent), ['error']],
  ['failed with a non-integer Meta code', patched(failed, 'error.metaCode', 1.5), ['error.metaCode']],
  ['attempt 0', patched(accepted, 'attempt', 0), ['attempt']],
  ['no commandId', patched(accepted, 'commandId', absent), ['commandId']],
  ['no occurredAt', patched(accepted, 'occurredAt', absent), ['occurredAt']],
  ['no recipient', patched(accepted, 'recipient', absent), ['recipient']],
];

describe('parseSendOutcome', () => {
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseSendOutcome, payload, expected));
});
