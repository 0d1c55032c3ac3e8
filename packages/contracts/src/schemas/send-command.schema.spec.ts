import { parseSendCommand } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const text = fixtureData('send-command.text');
const image = fixtureData('send-command.image');
const doc = fixtureData('send-command.document');
const buttons = fixtureData('send-command.interactive-buttons');
const list = fixtureData('send-command.interactive-list');
const template = fixtureData('send-command.template');

const rows: Row[] = [
  ['a text command', text, []],
  ['an image by link', image, []],
  ['a document by id with filename', doc, []],
  ['reply buttons', buttons, []],
  ['a list', list, []],
  ['a template with every parameter kind', template, []],
  ['a recipient known only by user id', patched(text, 'recipient', { userId: 'US.1349120865' }), []],
  ['unknown fields are kept, not rejected', patched(text, 'priority', 'high'), []],
  ['no commandId', patched(text, 'commandId', absent), ['commandId']],
  ['an empty commandId', patched(text, 'commandId', ''), ['commandId']],
  ['no tenantId', patched(text, 'tenantId', absent), ['tenantId']],
  ['a phoneNumberId with letters', patched(text, 'phoneNumberId', 'abc'), ['phoneNumberId']],
  ['a recipient with "+"', patched(text, 'recipient.waId', '+5511987654321'), ['recipient.waId']],
  ['an empty recipient', patched(text, 'recipient', {}), ['recipient.waId']],
  ['no content', patched(text, 'content', absent), ['content']],
  ['an unknown content type', patched(text, 'content', { type: 'fax', fax: {} }), ['content.type']],
  ['a text body over 4096 characters', patched(text, 'content.text.body', 'x'.repeat(4097)), ['content.text.body']],
  ['an empty text body', patched(text, 'content.text.body', ''), ['content.text.body']],
  ['two content objects', patched(text, 'content.image', { id: '1' }), ['content.image']],
  ['media with neither id nor link', patched(image, 'content.image', { caption: 'x' }), ['content.image']],
  ['media with both id and link', patched(image, 'content.image.id', '123'), ['content.image']],
  ['media with a bad link', patched(image, 'content.image.link', 'not a url'), ['content.image.link']],
  ['four reply buttons', patched(buttons, 'content.interactive.action.buttons', Array(4).fill({ type: 'reply', reply: { id: 'a', title: 'A' } })), ['content.interactive.action.buttons']],
  ['a button title over 20 characters', patched(buttons, 'content.interactive.action.buttons.0.reply.title', 'x'.repeat(21)), ['content.interactive.action.buttons.0.reply.title']],
  ['a list without sections', patched(list, 'content.interactive.action.sections', []), ['content.interactive.action.sections']],
  ['a list row without id', patched(list, 'content.interactive.action.sections.0.rows.0.id', absent), ['content.interactive.action.sections.0.rows.0.id']],
  ['a template name with capitals', patched(template, 'content.template.name', 'Welcome'), ['content.template.name']],
  ['a template without language', patched(template, 'content.template.language', absent), ['content.template.language']],
  ['an unknown template parameter type', patched(template, 'content.template.components.1.parameters.0.type', 'emoji'), ['content.template.components.1.parameters.0.type']],
  ['a button component without index', patched(template, 'content.template.components.2.index', absent), ['content.template.components.2.index']],
  ['a currency without amount', patched(template, 'content.template.components.1.parameters.1.currency.amount_1000', absent), ['content.template.components.1.parameters.1.currency.amount_1000']],
  ['an invalid parameter_name', patched(template, 'content.template.components.1.parameters.0.parameter_name', 'Guests'), ['content.template.components.1.parameters.0.parameter_name']],
  ['a header image without source', patched(template, 'content.template.components.0.parameters.0.image', {}), ['content.template.components.0.parameters.0.image']],
  ['requestedAt without a zone', patched(text, 'requestedAt', '2026-11-23T08:59:59'), ['requestedAt']],
  ['non-string metadata', patched(text, 'metadata', { orderId: 1234 }), ['metadata.orderId']],
  ['an empty replyTo', patched(text, 'replyTo', ''), ['replyTo']],
  ['not an object', 'send it', ['']],
];

describe('parseSendCommand', () => {
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseSendCommand, payload, expected));

  it('keeps unknown fields, nested ones included', () => {
    const result = parseSendCommand(patched(patched(text, 'x', 1), 'content.text.y', 2));
    expect(result).toMatchObject({ ok: true, value: { x: 1, content: { text: { y: 2 } } } });
  });
});
