import { parseMessageStatus } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const sent = fixtureData('message-status.sent-cbp');
const delivered = fixtureData('message-status.delivered-pmp');
const failed = fixtureData('message-status.failed');

const rows: Row[] = [
  ['sent with CBP conversation and pricing', sent, []],
  ['delivered with PMP pricing and callback data', delivered, []],
  ['read without pricing', fixtureData('message-status.read'), []],
  ['failed with errors', failed, []],
  ['played', patched(delivered, 'status', 'played'), []],
  ['a pricing category Meta invents later', patched(delivered, 'pricing.category', 'general_purpose_ai'), []],
  ['a group recipient without waId', patched(patched(delivered, 'waId', absent), 'recipientType', 'group'), []],
  ['an unknown status', patched(delivered, 'status', 'deleted'), ['status']],
  ['no wamid', patched(delivered, 'wamid', absent), ['wamid']],
  ['a user known by userId only, without recipientId', patched(patched(patched(delivered, 'recipientId', absent), 'waId', absent), 'userId', 'US.1349'), []],
  ['no recipient at all', patched(patched(delivered, 'recipientId', absent), 'waId', absent), ['recipientId']],
  ['billable as a string', patched(delivered, 'pricing.billable', 'true'), ['pricing.billable']],
  ['a conversation without id', patched(sent, 'conversation.id', absent), ['conversation.id']],
  ['callback data over 512 characters', patched(delivered, 'bizOpaqueCallbackData', 'x'.repeat(513)), ['bizOpaqueCallbackData']],
  ['an error code as a string', patched(failed, 'errors.0.code', '131049'), ['errors.0.code']],
];

describe('parseMessageStatus', () => {
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseMessageStatus, payload, expected));
});
