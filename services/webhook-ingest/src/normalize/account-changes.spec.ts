import { normaliseWebhook } from './normalise-webhook';
import { eventsOf, expectPublishable, onlyEvent, onlyUnclassified } from './test/expectations';
import { changeOf, CONTEXT, entryOf, fixtureData, RETRY, singleChange, webhookBody } from './test/webhook-bodies';

const TIER = { tier_update_time: 1761966000, pricing_category: 'UTILITY', tier: '25000001:50000000', effective_month: '2025-11', region: 'Brazil' };

// Meta's shapes from RULES.md §2.3, §7.1 and §7.3 (M39), with the contract fixtures' values.
describe('account-level webhooks become the contract fixtures', () => {
  it.each<[string, string, Record<string, unknown>, number]>([
    ['phone-number-quality-updated.flagged', 'phone_number_quality_update', {
      display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_10K', max_daily_conversations_per_business: 10000,
    }, 1759320000],
    ['phone-number-quality-updated.throughput-upgrade', 'phone_number_quality_update', {
      // Meta gives only the display number; an id, when present, is taken.
      display_phone_number: '15550783881', phone_number_id: 106540352242922, event: 'THROUGHPUT_UPGRADE', current_limit: 'TIER_UNLIMITED',
    }, 1759320000],
    ['business-capability-updated.limit', 'business_capability_update', { max_daily_conversations_per_business: 2000, max_phone_numbers_per_business: 2 }, 1759924800],
    ['account-updated.volume-tier', 'account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: TIER }, 1761966000],
    ['account-updated.violation', 'account_update', { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } }, 1761966000],
  ])('%s', (fixture, field, value, time) => {
    const result = normaliseWebhook(singleChange(field, value, { time }), CONTEXT);
    expect(result.unclassified).toEqual([]);
    expect(result.events.map((event) => event.data)).toEqual([fixtureData(fixture)]);
    expectPublishable(result);
  });
});

describe('account-level details', () => {
  it('keeps an old limit and the older per-phone limit', () => {
    const value = { display_phone_number: '15550783881', event: 'UPGRADE', current_limit: 'TIER_10K', old_limit: 'TIER_2K' };
    expect(onlyEvent(normaliseWebhook(singleChange('phone_number_quality_update', value), CONTEXT), 'phoneNumberQualityUpdated'))
      .toMatchObject({ currentLimit: 'TIER_10K', oldLimit: 'TIER_2K' });
    const capability = { max_daily_conversation_per_phone: 1000, max_phone_numbers_per_business: 2, extra_limit: 'x' };
    expect(onlyEvent(normaliseWebhook(singleChange('business_capability_update', capability), CONTEXT), 'businessCapabilityUpdated'))
      .toMatchObject({ maxDailyConversationPerPhone: 1000, maxPhoneNumbersPerBusiness: 2, extra_limit: 'x' });
  });

  it("puts everything but the event in account_update's details, the display phone_number included", () => {
    const value = { phone_number: '16505551234', event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION', expiration: '2022-12-12T07:09:27.000Z' }] };
    const data = onlyEvent(normaliseWebhook(singleChange('account_update', value), CONTEXT), 'accountUpdated');
    expect(data.details).toEqual({ phone_number: value.phone_number, restriction_info: value.restriction_info });
    expect(data.phoneNumberId).toBeUndefined();
  });

  it('gives an account_update with nothing but an event no details', () => {
    expect(onlyEvent(normaliseWebhook(singleChange('account_update', { event: 'MM_LITE_TERMS_SIGNED' }), CONTEXT), 'accountUpdated').details).toBeUndefined();
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['an account_update without event', 'account_update', { violation_info: {} }, 'event'],
    ['a quality update without display number', 'phone_number_quality_update', { event: 'FLAGGED' }, 'displayPhoneNumber'],
    ['a capability limit that is neither word nor integer', 'business_capability_update', { max_phone_numbers_per_business: 2.5 }, 'maxPhoneNumbersPerBusiness'],
  ])('keeps %s as INVALID_ITEM', (_case, field, value, path) => {
    const data = onlyUnclassified(normaliseWebhook(singleChange(field, value), CONTEXT));
    expect(data).toMatchObject({ reasonCode: 'INVALID_ITEM', field, payload: value });
    expect(data.errors?.map((error) => error.path)).toContain(path);
  });
});

describe('account-level event ids', () => {
  it('keep two tier updates of one entry apart, and are the same when Meta retries', () => {
    const body = webhookBody(entryOf([
      changeOf('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: TIER }),
      changeOf('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: { ...TIER, pricing_category: 'MARKETING' } }),
    ], { time: 1761966000 }));
    const ids = eventsOf(normaliseWebhook(body, CONTEXT), 'accountUpdated').map((event) => event.id);
    expect(new Set(ids).size).toBe(2);
    expect(eventsOf(normaliseWebhook(body, RETRY), 'accountUpdated').map((event) => event.id)).toEqual(ids);
  });

  it('differ between quality events of one number at one time', () => {
    const idOf = (event: string) =>
      normaliseWebhook(singleChange('phone_number_quality_update', { display_phone_number: '15550783881', event }, { time: 1759320000 }), CONTEXT).events[0]?.id;
    expect(idOf('FLAGGED')).not.toBe(idOf('UNFLAGGED'));
  });
});
