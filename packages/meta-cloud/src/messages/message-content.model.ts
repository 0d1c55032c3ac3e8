import type { TemplateMessagePayload } from '@recado/domain';

/** Media by uploaded id or by public link [M42]. */
export type MediaRef = { readonly id: string } | { readonly link: string };

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface ReplyButton {
  readonly type: 'reply';
  readonly reply: { readonly id: string; readonly title: string };
}

export interface ListRow {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface ListSection {
  readonly title?: string;
  readonly rows: readonly ListRow[];
}

interface InteractiveCommon {
  readonly header?: { readonly type: 'text'; readonly text: string };
  readonly body: { readonly text: string };
  readonly footer?: { readonly text: string };
}

export type InteractiveContent =
  | (InteractiveCommon & { readonly type: 'button'; readonly action: { readonly buttons: readonly ReplyButton[] } })
  | (InteractiveCommon & {
      readonly type: 'list';
      readonly action: { readonly button: string; readonly sections: readonly ListSection[] };
    });

/** The type-specific part of a send request, in Meta's shape (RULES.md §9.1). */
export type MessageContent =
  | { readonly type: 'text'; readonly text: { readonly body: string; readonly preview_url?: boolean } }
  | { readonly type: 'image'; readonly image: MediaRef & { readonly caption?: string } }
  | { readonly type: 'video'; readonly video: MediaRef & { readonly caption?: string } }
  | { readonly type: 'audio'; readonly audio: MediaRef }
  | { readonly type: 'document'; readonly document: MediaRef & { readonly caption?: string; readonly filename?: string } }
  | { readonly type: 'sticker'; readonly sticker: MediaRef }
  | { readonly type: 'interactive'; readonly interactive: InteractiveContent }
  | { readonly type: 'reaction'; readonly reaction: { readonly message_id: string; readonly emoji: string } }
  | { readonly type: 'template'; readonly template: TemplateMessagePayload };

export type MessageType = MessageContent['type'];

/** One message to one user. */
export interface OutboundMessage {
  /** The user's phone number (E.164 digits, `+` optional). */
  readonly to: string;
  readonly content: MessageContent;
  /** wamid of the message this one replies to (a contextual reply) [M35]. */
  readonly replyTo?: string;
  /** Echoed on status webhooks; Recado puts its command id here. */
  readonly bizOpaqueCallbackData?: string;
}

/** The JSON body of `POST /{Version}/{Phone-Number-ID}/messages`. */
export interface MessageRequestBody {
  readonly messaging_product: 'whatsapp';
  readonly recipient_type: 'individual';
  readonly to: string;
  readonly type: MessageType;
  readonly context?: { readonly message_id: string };
  readonly biz_opaque_callback_data?: string;
  readonly [typeSpecific: string]: unknown;
}

/** The JSON body that marks a received message as read (optionally showing typing). */
export interface MarkReadRequestBody {
  readonly messaging_product: 'whatsapp';
  readonly status: 'read';
  readonly message_id: string;
  readonly typing_indicator?: { readonly type: 'text' };
}
