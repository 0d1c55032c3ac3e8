import { deterministicEventId } from '@recado/contracts';
import { normaliseWebhook } from './normalise-webhook';
import { eventsOf, expectPublishable, onlyUnclassified } from './test/expectations';
import { CONTEXT, fixtureData, messagesValue, PHONE_NUMBER_ID, RETRY, singleChange, WA_ID } from './test/webhook-bodies';

const preference = (value: string, timestamp: number, extra: Record<string, unknown> = {}) => ({
  wa_id: WA_ID,
  detail: `User requested to ${value} marketing messages`,
  category: 'marketing_messages',
  value,
  timestamp,
  ...extra,
});

// Meta's shape from RULES.md §5.2 (M25).
const preferencesBody = (...items: unknown[]) =>
  singleChange('user_preferences', messagesValue({ contacts: [{ wa_id: WA_ID }], user_preferences: items }));

describe('user_preferences', () => {
  it('gives one event per item, like the stop and resume fixtures', () => {
    const result = normaliseWebhook(preferencesBody(preference('stop', 1731705721), preference('resume', 1731792121)), CONTEXT);
    expect(result.unclassified).toEqual([]);
    expect(result.events.map((event) => event.data)).toEqual([fixtureData('user-preference-updated.stop'), fixtureData('user-preference-updated.resume')]);
    expectPublishable(result);
  });

  it('reads a BSUID-only user, and keeps fields Meta adds later', () => {
    const item = { user_id: 'US.13491208655302741918', category: 'marketing_messages', value: 'stop', timestamp: 1775000000, parent_user_id: 'US.ENT.1' };
    const [event] = eventsOf(normaliseWebhook(preferencesBody(item), CONTEXT), 'userPreferenceUpdated');
    expect(event?.data).toMatchObject({ userId: 'US.13491208655302741918', parent_user_id: 'US.ENT.1' });
    expect(event?.data.waId).toBeUndefined();
  });

  it('keeps a bad item as INVALID_ITEM and its neighbours as events', () => {
    const bad = preference('pause', 1731705721);
    const result = normaliseWebhook(preferencesBody(preference('stop', 1731705721), bad), CONTEXT);
    expect(result.events.map((event) => event.kind)).toEqual(['userPreferenceUpdated']);
    expect(result.unclassified[0]?.data).toMatchObject({ reasonCode: 'INVALID_ITEM', field: 'user_preferences', phoneNumberId: PHONE_NUMBER_ID, payload: bad });
  });

  it('keeps a value without a user_preferences array as INVALID_ITEM', () => {
    const value = messagesValue({ user_preferences: { wa_id: WA_ID } });
    expect(onlyUnclassified(normaliseWebhook(singleChange('user_preferences', value), CONTEXT)))
      .toMatchObject({ reasonCode: 'INVALID_ITEM', payload: value, errors: [{ path: 'user_preferences' }] });
  });

  it('has ids (kind, phoneNumberId, contact, category, value, timestamp), the same when Meta retries', () => {
    const body = preferencesBody(preference('stop', 1731705721), preference('resume', 1731705721));
    const ids = normaliseWebhook(body, CONTEXT).events.map((event) => event.id);
    expect(ids[0]).toBe(deterministicEventId('userPreferenceUpdated', PHONE_NUMBER_ID, WA_ID, 'marketing_messages', 'stop', '1731705721'));
    expect(new Set(ids).size).toBe(2);
    expect(normaliseWebhook(body, RETRY).events.map((event) => event.id)).toEqual(ids);
  });
});
