import type { InboundMessageContent } from '@recado/contracts';

/**
 * What the contact wrote or tapped, as one text: a text body, a quick-reply button's text or
 * an interactive reply's title. Null for media, reactions and the like.
 */
export function inboundTextOf(message: InboundMessageContent): string | null {
  if (message.type === 'text') return message.text.body;
  if (message.type === 'button') return message.button.text;
  if (message.type === 'interactive') return interactiveTitle(message.interactive);
  return null;
}

function interactiveTitle(reply: Extract<InboundMessageContent, { type: 'interactive' }>['interactive']): string | null {
  switch (reply.type) {
    case 'button_reply':
      return reply.button_reply.title;
    case 'list_reply':
      return reply.list_reply.title;
    case 'nfm_reply':
      return null;
  }
}
