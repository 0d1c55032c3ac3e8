import { exampleSendParameters, renderTemplateMessage, SAMPLE_TEMPLATES, type TemplateMessagePayload } from '@recado/domain';
import type { OutboundMessage } from '../messages/message-content.model';
import { buttonsContent, listContent, mediaContent, reactionContent, templateContent, textContent } from '../messages/message-content.builders';

const TO = '5511987654321';
const WAMID = 'wamid.HBgLNTUxMTk4NzY1NDMyMRUCABEYEjA=';

function samplePayloads(): [string, TemplateMessagePayload][] {
  return SAMPLE_TEMPLATES.map((template) => {
    const rendered = renderTemplateMessage(template, exampleSendParameters(template));
    if (!rendered.ok) throw new Error(`Sample template ${template.name} does not render.`);
    return [`template ${template.name}`, rendered.payload];
  });
}

/** One of every message the client can build, for the contract test and the sandbox tests. */
export function everyOutboundMessage(): [string, OutboundMessage][] {
  const messages: [string, OutboundMessage][] = [
    ['text', { to: TO, content: textContent('Olá! Seu pedido saiu.') }],
    ['text with preview', { to: TO, content: textContent('See https://example.com', { previewUrl: true }) }],
    ['text reply with callback data', { to: TO, content: textContent('Yes'), replyTo: WAMID, bizOpaqueCallbackData: 'cmd-1' }],
    ['image by id', { to: TO, content: mediaContent('image', { id: '1234567890' }, { caption: 'Receipt' }) }],
    ['image by link', { to: TO, content: mediaContent('image', { link: 'https://example.com/a.jpg' }) }],
    ['video by link', { to: TO, content: mediaContent('video', { link: 'https://example.com/a.mp4' }, { caption: 'Demo' }) }],
    ['audio by id', { to: TO, content: mediaContent('audio', { id: '1234567890' }) }],
    ['document by link', { to: TO, content: mediaContent('document', { link: 'https://example.com/a.pdf' }, { filename: 'a.pdf', caption: 'Invoice' }) }],
    ['sticker by id', { to: TO, content: mediaContent('sticker', { id: '1234567890' }) }],
    ['reply buttons', { to: TO, content: buttonsContent('Change or cancel?', [{ id: 'change', title: 'Change' }, { id: 'cancel', title: 'Cancel' }], { header: 'Order 42', footer: 'Acme' }) }],
    ['list', { to: TO, content: listContent('Pick a slot', 'Slots', [{ title: 'Monday', rows: [{ id: 'mon-9', title: '09:00', description: 'Morning' }] }], { footer: 'Acme' }) }],
    ['reaction', { to: TO, content: reactionContent(WAMID, '👍') }],
    ['reaction removal', { to: TO, content: reactionContent(WAMID, '') }],
    ['template reply with callback data', { to: TO, content: templateContent({ name: 'hello_world', language: { code: 'en_US' } }), replyTo: WAMID, bizOpaqueCallbackData: 'cmd-2' }],
  ];
  for (const [name, payload] of samplePayloads()) messages.push([name, { to: TO, content: templateContent(payload) }]);
  return messages;
}
