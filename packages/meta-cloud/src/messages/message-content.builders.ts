import type { TemplateMessagePayload } from '@recado/domain';
import type { InteractiveContent, ListSection, MediaKind, MediaRef, MessageContent } from './message-content.model';

type Decorations = Pick<InteractiveContent, 'header' | 'footer'>;

const decorations = (options: { header?: string; footer?: string }): Decorations => ({
  ...(options.header === undefined ? {} : { header: { type: 'text', text: options.header } }),
  ...(options.footer === undefined ? {} : { footer: { text: options.footer } }),
});

export function textContent(body: string, options: { previewUrl?: boolean } = {}): MessageContent {
  return { type: 'text', text: { body, ...(options.previewUrl === undefined ? {} : { preview_url: options.previewUrl }) } };
}

export function mediaContent(kind: MediaKind, media: MediaRef, options: { caption?: string; filename?: string } = {}): MessageContent {
  const caption = options.caption === undefined || kind === 'audio' || kind === 'sticker' ? {} : { caption: options.caption };
  switch (kind) {
    case 'image':
      return { type: 'image', image: { ...media, ...caption } };
    case 'video':
      return { type: 'video', video: { ...media, ...caption } };
    case 'audio':
      return { type: 'audio', audio: media };
    case 'sticker':
      return { type: 'sticker', sticker: media };
    case 'document':
      return { type: 'document', document: { ...media, ...caption, ...(options.filename === undefined ? {} : { filename: options.filename }) } };
  }
}

export function buttonsContent(
  body: string,
  buttons: readonly { id: string; title: string }[],
  options: { header?: string; footer?: string } = {},
): MessageContent {
  const action = { buttons: buttons.map((reply) => ({ type: 'reply' as const, reply })) };
  return { type: 'interactive', interactive: { type: 'button', ...decorations(options), body: { text: body }, action } };
}

export function listContent(
  body: string,
  button: string,
  sections: readonly ListSection[],
  options: { header?: string; footer?: string } = {},
): MessageContent {
  return { type: 'interactive', interactive: { type: 'list', ...decorations(options), body: { text: body }, action: { button, sections } } };
}

/** An empty `emoji` removes an earlier reaction. */
export function reactionContent(messageId: string, emoji: string): MessageContent {
  return { type: 'reaction', reaction: { message_id: messageId, emoji } };
}

/** `payload` is built by the domain (`toPayloadComponents`). */
export function templateContent(payload: TemplateMessagePayload): MessageContent {
  return { type: 'template', template: payload };
}
