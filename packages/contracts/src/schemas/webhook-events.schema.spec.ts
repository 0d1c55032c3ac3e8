import { parseDeadLetter, parseRawWebhook, parseUnclassifiedWebhook } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const raw = fixtureData('raw-webhook.security');
const unclassified = fixtureData('unclassified-webhook.security');
const dead = fixtureData('dead-letter.invalid-command');

describe('parseRawWebhook', () => {
  const rows: Row[] = [
    ['a raw call', raw, []],
    ['a body that is not JSON (kept as received)', patched(raw, 'body', '{"object":'), []],
    ['a body as an object', patched(raw, 'body', { object: 'x' }), ['body']],
    ['an upper-case header name', patched(raw, 'headers', { 'Content-Type': 'application/json' }), ['headers.Content-Type']],
    ['no receivedAt', patched(raw, 'receivedAt', absent), ['receivedAt']],
    ['no requestId', patched(raw, 'requestId', absent), ['requestId']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseRawWebhook, payload, expected));
});

describe('parseUnclassifiedWebhook', () => {
  const rows: Row[] = [
    ['an unknown field', unclassified, []],
    ['an invalid item with its errors', fixtureData('unclassified-webhook.invalid-item'), []],
    ['a payload of any shape', patched(unclassified, 'payload', [1, 'two', null]), []],
    ['no reason code', patched(unclassified, 'reasonCode', absent), ['reasonCode']],
    ['errors without paths', patched(unclassified, 'errors', [{ message: 'x' }]), ['errors.0.path']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseUnclassifiedWebhook, payload, expected));
});

describe('parseDeadLetter', () => {
  const rows: Row[] = [
    ['an invalid command', dead, []],
    ['a record without key', patched(dead, 'sourceKey', null), []],
    ['an offset as a number', patched(dead, 'sourceOffset', 1234567), ['sourceOffset']],
    ['a negative partition', patched(dead, 'sourcePartition', -1), ['sourcePartition']],
    ['original bytes not in base64', patched(dead, 'originalValueBase64', 'not base64!'), ['originalValueBase64']],
    ['no error', patched(dead, 'error', absent), ['error']],
    ['no reason code', patched(dead, 'reasonCode', absent), ['reasonCode']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseDeadLetter, payload, expected));
});
