import {
  CONSENT_CATEGORIES,
  DEFAULT_TENANT_POLICY,
  MESSAGING_LIMIT_CAPACITY,
  parseMessagingLimitTier,
  throughputPerSecondOf,
  type CategoryConsent,
  type ConsentSource,
  type CurrentConsent,
  type MessagingLimitFacts,
  type MessagingLimitTier,
  type RecentSend,
  type SentCategory,
  type Template,
} from '@recado/domain';
import type { Contact, CurrentConsent as StoredConsent, LimitUsage, PhoneNumberFacts, RecentSendRow, Template as StoredTemplate } from '@recado/persistence';

// Rows as persistence stores them, read into the rules engine's types. No rule lives here.

const DAY_MS = 24 * 60 * 60 * 1000;
const UNKNOWN: CategoryConsent = { status: 'UNKNOWN', since: null, source: null };
const SENT_CATEGORIES: readonly string[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION', 'SERVICE'];

export function toCurrentConsent(rows: readonly StoredConsent[] | undefined): CurrentConsent {
  const byCategory = new Map((rows ?? []).map((row) => [row.category, row]));
  return Object.fromEntries(
    CONSENT_CATEGORIES.map((category) => {
      const row = byCategory.get(category);
      return [category, row === undefined ? UNKNOWN : { status: row.status, since: row.since, source: row.source as ConsentSource }];
    }),
  ) as unknown as CurrentConsent;
}

export function toTemplate(row: StoredTemplate): Template {
  return {
    id: row.metaTemplateId ?? row.id,
    name: row.name,
    language: row.language,
    category: row.category as Template['category'],
    status: row.status as Template['status'],
    parameterFormat: row.parameterFormat as Template['parameterFormat'],
    components: row.components as Template['components'],
    ...(row.correctCategory === null ? {} : { correctCategory: row.correctCategory as Template['category'] }),
    ...(row.correctCategoryEffectiveAt === null ? {} : { pendingCategoryAt: row.correctCategoryEffectiveAt }),
    qualityScore: row.qualityScore as NonNullable<Template['qualityScore']>,
    ...(row.messageSendTtlSeconds === null ? {} : { messageSendTtlSeconds: row.messageSendTtlSeconds }),
    ...(row.rejectionReason === null ? {} : { rejectedReason: row.rejectionReason }),
  };
}

export function toRecentSends(rows: readonly RecentSendRow[] | undefined): RecentSend[] {
  return (rows ?? []).flatMap((row) => (row.category !== null && SENT_CATEGORIES.includes(row.category) ? [{ at: row.at, category: row.category as SentCategory }] : []));
}

/** An unknown tier is read as the smallest one: the limit is never overrun by a typo. */
const tierOf = (phone: PhoneNumberFacts): MessagingLimitTier => {
  const tierText = phone.portfolioMessagingLimitTier ?? phone.messagingLimitTier;
  return (tierText === null ? null : parseMessagingLimitTier(tierText)) ?? 'TIER_250';
};

/** Messages per second the number may send: `override` if set, else its throughput level's. */
export const sendRateOf = (phone: PhoneNumberFacts, override: number | undefined): number => override ?? throughputPerSecondOf(phone.throughputLevel);

/** Whether the number (or its portfolio) may reach any number of unique recipients a day. */
export const hasUnlimitedMessaging = (phone: PhoneNumberFacts): boolean => MESSAGING_LIMIT_CAPACITY[tierOf(phone)] === null;

export function toMessagingLimit(phone: PhoneNumberFacts, usage: LimitUsage, contactId: string | undefined): MessagingLimitFacts {
  return {
    tier: tierOf(phone),
    uniqueRecipients24h: usage.uniqueRecipients,
    recipientCounted: contactId !== undefined && usage.countedContactIds.has(contactId),
    nextSlotFreesAt: usage.oldestAt === null ? null : new Date(usage.oldestAt.getTime() + DAY_MS),
  };
}

export const contactFacts = (contact: Contact | undefined, recipient: { waId?: string | undefined; userId?: string | undefined }) => ({
  identity: {
    waId: contact?.waId ?? recipient.waId ?? null,
    businessScopedUserId: contact?.businessScopedUserId ?? recipient.userId ?? null,
    phoneNumber: contact?.phoneNumber ?? null,
  },
  timeZone: contact?.timeZone ?? null,
  undeliverableSince: contact?.undeliverableSince ?? null,
  marketingHeldUntil: contact?.marketingHeldUntil ?? null,
});

export const TENANT_POLICY = DEFAULT_TENANT_POLICY;
