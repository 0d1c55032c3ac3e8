/** What a simulated user sends to the business. */
export interface InboundInput {
  readonly text?: string;
  /** A quick-reply tap: the button's payload and label. */
  readonly button?: { readonly payload: string; readonly text: string };
  /** A tap on an interactive reply button or list row of a business message. */
  readonly reply?: { readonly kind: 'button_reply' | 'list_reply'; readonly id: string; readonly title: string; readonly description?: string };
  /** wamid of the business message the user replies to. */
  readonly contextId?: string;
  /** The user came from a click-to-WhatsApp ad (opens a free entry point) [M38]. */
  readonly referral?: boolean;
  readonly phoneNumberId?: string;
}

/** One item of the webhook's `messages[]` (RULES.md §8.6). */
export function inboundMessageItem(input: InboundInput, from: string, wamid: string, businessNumber: string, at: Date): Record<string, unknown> {
  const base: Record<string, unknown> = { from, id: wamid, timestamp: String(Math.floor(at.getTime() / 1000)) };
  if (input.contextId !== undefined || input.button !== undefined || input.reply !== undefined) base['context'] = { from: businessNumber, id: input.contextId ?? 'wamid.sandbox-template' };
  if (input.referral === true) {
    base['referral'] = {
      source_url: 'https://fb.me/sandbox-ad',
      source_id: '120215000000000000',
      source_type: 'ad',
      headline: 'Sandbox ad',
      body: 'Talk to us on WhatsApp',
      ctwa_clid: `ctwa-${wamid.slice(-8)}`,
    };
  }
  if (input.button !== undefined) return { ...base, type: 'button', button: input.button };
  if (input.reply !== undefined) {
    const { kind, ...choice } = input.reply;
    return { ...base, type: 'interactive', interactive: { type: kind, [kind]: choice } };
  }
  return { ...base, type: 'text', text: { body: input.text ?? 'Hi' } };
}
