import { DAY_MS, HOUR_MS } from '../time';

/** An inbound message (or call) from the contact to the business number. */
export interface InboundSignal {
  readonly at: Date;
  /** The inbound carried a `referral` (click-to-WhatsApp ad or Facebook page CTA) [M38]. */
  readonly referral: boolean;
}

/** A free entry point started by a referral inbound; it opens when the business replies [M1] [M2]. */
export interface EntryPointState {
  readonly referralAt: Date;
  /** When the business's first reply (within the reply deadline) opened the 72 h window. */
  readonly openedAt: Date | null;
}

/** Window facts for one (business phone number, contact) pair. */
export interface WindowState {
  readonly lastInboundAt: Date | null;
  /** Send time of a message Meta refused with 131047 although the window looked open [M6] [I16]. */
  readonly closedByMetaAt: Date | null;
  readonly entryPoint: EntryPointState | null;
}

export interface WindowDurations {
  /** Customer service window after the last inbound: 24 h [M6]. */
  readonly customerServiceMs: number;
  /** Free entry point window: 72 h, kept configurable (a 7-day extension is unconfirmed) [M1]. */
  readonly freeEntryPointMs: number;
  /** The business must reply within this time of the referral inbound to open the FEP [M2]. */
  readonly freeEntryPointReplyMs: number;
}

export const DEFAULT_WINDOW_DURATIONS: WindowDurations = {
  customerServiceMs: DAY_MS,
  freeEntryPointMs: 72 * HOUR_MS,
  freeEntryPointReplyMs: DAY_MS,
};

export const EMPTY_WINDOW: WindowState = { lastInboundAt: null, closedByMetaAt: null, entryPoint: null };

/** Why the customer service window is open or closed. */
export type CustomerServiceWindowReason = 'NO_INBOUND' | 'OPEN' | 'EXPIRED' | 'CLOSED_BY_META';

export interface CustomerServiceWindowView {
  readonly open: boolean;
  /** `lastInboundAt + 24 h`; `null` when the contact never wrote. */
  readonly expiresAt: Date | null;
  readonly reason: CustomerServiceWindowReason;
  readonly lastInboundAt: Date | null;
}

/** Where the free entry point stands. */
export type FreeEntryPointReason =
  | 'NO_REFERRAL'
  | 'AWAITING_BUSINESS_REPLY'
  | 'REPLY_DEADLINE_MISSED'
  | 'OPEN'
  | 'EXPIRED';

export interface FreeEntryPointView {
  readonly open: boolean;
  /** End of the open window, or the reply deadline while awaiting the business's reply. */
  readonly expiresAt: Date | null;
  readonly reason: FreeEntryPointReason;
}
