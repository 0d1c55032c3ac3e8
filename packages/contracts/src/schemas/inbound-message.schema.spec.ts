import { parseInboundMessage } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const kinds = [
  'text', 'referral', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts',
  'interactive-button-reply', 'interactive-list-reply', 'button', 'reaction', 'order', 'system', 'unsupported', 'user-id-only',
];
const text = fixtureData('inbound-message.text');
const image = fixtureData('inbound-message.image');
const reaction = fixtureData('inbound-message.reaction');
const listReply = fixtureData('inbound-message.interactive-list-reply');

const rows: Row[] = [
  ...kinds.map((kind): Row => [`a ${kind} message`, fixtureData(`inbound-message.${kind}`), []]),
  ['a removed reaction (no emoji)', patched(reaction, 'message.reaction.emoji', absent), []],
  ['an unknown Meta field', patched(text, 'message.text.new_meta_field', true), []],
  ['no wabaId', patched(text, 'wabaId', absent), ['wabaId']],
  ['no phoneNumberId', patched(text, 'phoneNumberId', absent), ['phoneNumberId']],
  ['neither waId nor userId', patched(text, 'waId', absent), ['waId']],
  ['a millisecond Meta timestamp as number', patched(text, 'message.timestamp', 1749416383), ['message.timestamp']],
  ['an unknown message type', patched(text, 'message.type', 'hologram'), ['message.type']],
  ['a text without body', patched(text, 'message.text', {}), ['message.text.body']],
  ['an image without media id', patched(image, 'message.image.id', absent), ['message.image.id']],
  ['a reaction without message_id', patched(reaction, 'message.reaction.message_id', absent), ['message.reaction.message_id']],
  ['a list reply without id', patched(listReply, 'message.interactive.list_reply.id', absent), ['message.interactive.list_reply.id']],
  ['an unknown interactive reply', patched(listReply, 'message.interactive.type', 'carousel_reply'), ['message.interactive.type']],
  ['an error without code', patched(text, 'message.errors', [{ title: 'x' }]), ['message.errors.0.code']],
  ['no occurredAt', patched(text, 'occurredAt', absent), ['occurredAt']],
];

describe('parseInboundMessage', () => {
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseInboundMessage, payload, expected));
});
