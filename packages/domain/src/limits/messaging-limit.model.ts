/** Meta's messaging-limit tiers (`whatsapp_business_manager_messaging_limit`) [M29] [M30]. */
export type MessagingLimitTier = 'TIER_250' | 'TIER_1K' | 'TIER_2K' | 'TIER_10K' | 'TIER_100K' | 'TIER_UNLIMITED';

/** Unique recipients per moving 24 h; `null` = unlimited. */
export const MESSAGING_LIMIT_CAPACITY: Readonly<Record<MessagingLimitTier, number | null>> = {
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: null,
};

export type MessagingLimitScope = 'PHONE_NUMBER' | 'BUSINESS_PORTFOLIO';

/** A dated messaging-limit regime: data, not code branches [M29] [M30]. */
export interface MessagingLimitRegime {
  /** Start (inclusive); `null` for the oldest regime. */
  readonly from: Date | null;
  readonly scope: MessagingLimitScope;
  /** What a recipient must receive to count. */
  readonly counts: 'BUSINESS_INITIATED_CONVERSATION' | 'DELIVERED_OUTSIDE_WINDOW';
  readonly ladder: readonly MessagingLimitTier[];
}

export const MESSAGING_LIMIT_REGIMES: readonly MessagingLimitRegime[] = [
  {
    from: null,
    scope: 'PHONE_NUMBER',
    counts: 'BUSINESS_INITIATED_CONVERSATION',
    ladder: ['TIER_250', 'TIER_1K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'],
  },
  {
    from: new Date('2025-10-07T00:00:00Z'),
    scope: 'BUSINESS_PORTFOLIO',
    counts: 'DELIVERED_OUTSIDE_WINDOW',
    ladder: ['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'],
  },
];

/**
 * The counter the caller keeps for the regime in force: unique recipients reached in the
 * moving 24 h, per phone number (before 2025-10-07) or per business portfolio (after).
 */
export interface MessagingLimitFacts {
  readonly tier: MessagingLimitTier;
  readonly uniqueRecipients24h: number;
  /** The contact is already among them, so sending again does not use a new slot. */
  readonly recipientCounted: boolean;
  /** When the oldest counted recipient leaves the moving 24 h (frees a slot). */
  readonly nextSlotFreesAt: Date | null;
}
