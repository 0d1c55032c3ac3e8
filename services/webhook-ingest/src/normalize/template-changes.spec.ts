import { deterministicEventId } from '@recado/contracts';
import { normaliseWebhook } from './normalise-webhook';
import { expectPublishable, onlyEvent, onlyUnclassified } from './test/expectations';
import { CONTEXT, fixtureData, RETRY, singleChange, WABA_ID } from './test/webhook-bodies';

const CART = { message_template_id: 1689556908129835, message_template_name: 'abandoned_cart', message_template_language: 'en' };
const WELCOME = { message_template_id: 278077987957091, message_template_name: 'welcome_template', message_template_language: 'en-US' };
const STATUS_TIME = { time: 1751247548 };
const CATEGORY_TIME = { time: 1746082800 };

// Meta's shapes from RULES.md §3.3, §3.6 and §3.7, with the contract fixtures' texts.
describe('template webhooks become the contract fixtures', () => {
  it.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    ['template-status-updated.rejected', 'message_template_status_update', {
      event: 'REJECTED', ...CART, reason: 'INVALID_FORMAT', message_template_category: 'MARKETING',
      rejection_info: { reason: 'Your template has parameters placed next to each other.', recommendation: 'Separate parameters with descriptive text.' },
    }, STATUS_TIME],
    ['template-status-updated.paused', 'message_template_status_update', {
      event: 'PAUSED', ...CART, reason: 'NONE', other_info: { title: 'FIRST_PAUSE', description: 'Paused for 3 hours' },
    }, STATUS_TIME],
    ['template-status-updated.pending-deletion', 'message_template_status_update', { event: 'PENDING_DELETION', ...CART, reason: null }, STATUS_TIME],
    ['template-category-updated.impending', 'template_category_update', {
      ...WELCOME, new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1746169200,
    }, CATEGORY_TIME],
    ['template-category-updated.completed', 'template_category_update', { ...WELCOME, previous_category: 'UTILITY', new_category: 'MARKETING' }, CATEGORY_TIME],
    ['template-quality-updated.yellow', 'message_template_quality_update', {
      previous_quality_score: 'GREEN', new_quality_score: 'YELLOW', ...WELCOME, message_template_id: 806312974732579,
    }, { time: 1674864290 }],
  ])('%s', (fixture, field, value, entryExtra) => {
    const result = normaliseWebhook(singleChange(field, value, entryExtra), CONTEXT);
    expect(result.unclassified).toEqual([]);
    expect(result.events.map((event) => event.data)).toEqual([fixtureData(fixture)]);
    expectPublishable(result);
  });
});

describe('template details', () => {
  it('keeps disable_info, and fields Meta adds later', () => {
    const value = { event: 'DISABLED', ...CART, reason: 'NONE', disable_info: { disable_date: 1751247548 }, message_template_title: 'x' };
    expect(onlyEvent(normaliseWebhook(singleChange('message_template_status_update', value, STATUS_TIME), CONTEXT), 'templateStatusUpdated'))
      .toMatchObject({ event: 'DISABLED', disableInfo: { disable_date: 1751247548 }, message_template_title: 'x' });
  });

  it('routes a quality update printed under message_template_status_update by its shape (RULES.md §3.7)', () => {
    const value = { previous_quality_score: 'GREEN', new_quality_score: 'RED', ...WELCOME };
    const data = onlyEvent(normaliseWebhook(singleChange('message_template_status_update', value), CONTEXT), 'templateQualityUpdated');
    expect(data).toMatchObject({ newQualityScore: 'RED', templateId: '278077987957091' });
  });

  it('takes a template id sent as a string as it is (no precision lost)', () => {
    const value = { event: 'APPROVED', ...CART, message_template_id: '98765432109876543210', reason: 'NONE' };
    expect(onlyEvent(normaliseWebhook(singleChange('message_template_status_update', value), CONTEXT), 'templateStatusUpdated').templateId)
      .toBe('98765432109876543210');
  });

  it('dates the event on arrival when the entry has no time', () => {
    const value = { ...WELCOME, previous_category: 'UTILITY', new_category: 'MARKETING' };
    expect(onlyEvent(normaliseWebhook(singleChange('template_category_update', value), CONTEXT), 'templateCategoryUpdated').occurredAt)
      .toBe('2026-11-23T09:00:00.000Z');
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['an event this contract version does not know', 'message_template_status_update', { event: 'ARCHIVED_FOREVER', ...CART }, 'event'],
    ['a category that is not one of the three', 'template_category_update', { ...WELCOME, new_category: 'SERVICE' }, 'newCategory'],
    ['a quality score that is not a colour', 'message_template_quality_update', { ...WELCOME, new_quality_score: 'PURPLE' }, 'newQualityScore'],
    ['no template id', 'message_template_status_update', { event: 'APPROVED', message_template_name: 'x', message_template_language: 'en' }, 'templateId'],
    ['a fractional template id', 'message_template_status_update', { event: 'APPROVED', ...CART, message_template_id: 1.5 }, 'templateId'],
    ['an unreadable category_update_timestamp', 'template_category_update', { ...WELCOME, new_category: 'UTILITY', category_update_timestamp: 'tomorrow' }, 'categoryUpdateAt'],
  ])('keeps %s as INVALID_ITEM with the change value', (_case, field, value, path) => {
    const data = onlyUnclassified(normaliseWebhook(singleChange(field, value), CONTEXT));
    expect(data).toMatchObject({ reasonCode: 'INVALID_ITEM', field, wabaId: WABA_ID, payload: value });
    expect(data.errors?.map((error) => error.path)).toContain(path);
  });
});

describe('template event ids', () => {
  const idOf = (field: string, value: Record<string, unknown>, entryExtra: Record<string, unknown> = CATEGORY_TIME, context = CONTEXT) =>
    normaliseWebhook(singleChange(field, value, entryExtra), context).events[0]?.id;

  const impending = { ...WELCOME, new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1746169200 };
  const completed = { ...WELCOME, previous_category: 'UTILITY', new_category: 'MARKETING' };

  it('are (kind, wabaId, templateId, event, entry time) for status updates', () => {
    expect(idOf('message_template_status_update', { event: 'PAUSED', ...CART }, STATUS_TIME))
      .toBe(deterministicEventId('templateStatusUpdated', WABA_ID, '1689556908129835', 'PAUSED', '1751247548'));
  });

  it('are the same when Meta retries, with or without an entry time', () => {
    for (const entryExtra of [CATEGORY_TIME, {}]) {
      expect(idOf('template_category_update', completed, entryExtra, RETRY)).toBe(idOf('template_category_update', completed, entryExtra));
    }
  });

  it('differ between the impending and the completed re-categorisation, and between events', () => {
    const ids = [
      idOf('template_category_update', impending),
      idOf('template_category_update', completed),
      idOf('message_template_status_update', { event: 'PAUSED', ...CART }),
      idOf('message_template_status_update', { event: 'APPROVED', ...CART }),
      idOf('message_template_status_update', { event: 'PAUSED', ...CART }, { time: 1751247549 }),
    ];
    expect(new Set(ids).size).toBe(5);
  });
});
