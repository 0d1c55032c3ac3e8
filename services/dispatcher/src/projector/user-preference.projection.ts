import { consentFromUserPreference } from '@recado/domain';
import { upsertEventContact } from '@recado/persistence';
import { appendToLedger } from './consent-ledger';
import type { Projection } from './projection';
import { keepUnrouted, routeByPhoneNumber } from './routing';

/** The only `user_preferences` category Meta sends today (RULES §5.2). */
const MARKETING_MESSAGES = 'marketing_messages';

/** The contact stopped or resumed marketing in WhatsApp: a ledger record scoped to that business number. */
export const projectUserPreference: Projection<'userPreferenceUpdated'> = async (db, event, context) => {
  const { data } = event;
  const route = await routeByPhoneNumber(db, event, data.phoneNumberId, context);
  if (route === null) return;
  if (data.category !== MARKETING_MESSAGES) {
    await keepUnrouted(db, event, 'PREFERENCE_CATEGORY_UNKNOWN', context, route.tenantId);
    return;
  }
  const contactId = await upsertEventContact(db, route.tenantId, { waId: data.waId, userId: data.userId });
  const record = consentFromUserPreference(data.value, new Date(data.occurredAt), data.detail ?? '');
  await appendToLedger(db, route.tenantId, { contactId, phoneNumberId: route.phoneNumberId }, record, { eventId: event.id }, context.logger);
};
