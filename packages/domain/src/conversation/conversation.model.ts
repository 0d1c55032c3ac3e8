import type { CustomerServiceWindowView, WindowState } from '../window';
import { EMPTY_WINDOW } from '../window';

/**
 * OPEN: the customer service window is open (free-form allowed).
 * CLOSED: the window expired (or never opened); only templates may be sent.
 * AWAITING_REPLY: a re-engagement template went out after the window closed; free-form
 * stays blocked until the contact answers [M6] (seeds: "continuar conversa").
 */
export type ConversationStatus = 'OPEN' | 'CLOSED' | 'AWAITING_REPLY';

export interface ConversationState {
  readonly window: WindowState;
  /** First template sent while the window was closed, cleared by the contact's next inbound. */
  readonly reEngagementSentAt: Date | null;
}

export const NEW_CONVERSATION: ConversationState = { window: EMPTY_WINDOW, reEngagementSentAt: null };

export type ConversationEvent =
  | { readonly kind: 'INBOUND_RECEIVED'; readonly at: Date; readonly referral: boolean }
  | { readonly kind: 'TEMPLATE_SENT'; readonly at: Date }
  | { readonly kind: 'FREE_FORM_SENT'; readonly at: Date }
  /** Error 131047 on a message sent at `at`. */
  | { readonly kind: 'WINDOW_CLOSED_BY_META'; readonly at: Date };

export interface ConversationView {
  readonly status: ConversationStatus;
  readonly window: CustomerServiceWindowView;
  readonly reEngagementSentAt: Date | null;
}
