import type { TemplateCategoryUpdated } from '@recado/contracts';
import { categoryColumns, metaLanguageCode, templateStatusOf } from './template-changes';

const update = (fields: Partial<TemplateCategoryUpdated>): TemplateCategoryUpdated =>
  ({ wabaId: '1', templateId: '2', templateName: 'welcome', templateLanguage: 'en-US', occurredAt: '2025-05-01T07:00:00.000Z', newCategory: 'UTILITY', ...fields }) as TemplateCategoryUpdated;

describe('template changes', () => {
  it.each([['en-US', 'en_US'], ['pt_BR', 'pt_BR'], ['en', 'en']])('language %s → %s', (webhook, stored) => {
    expect(metaLanguageCode(webhook)).toBe(stored);
  });

  it.each([['APPROVED', 'APPROVED'], ['PAUSED', 'PAUSED'], ['PENDING_DELETION', 'PENDING_DELETION'], ['FLAGGED', null], ['REINSTATED', null], ['LOCKED', null], ['UNLOCKED', null]])(
    'event %s → status %s',
    (event, status) => {
      expect(templateStatusOf(event)).toBe(status);
    },
  );

  it('keeps an announced re-categorisation pending with its date', () => {
    expect(categoryColumns(update({ newCategory: 'UTILITY', correctCategory: 'MARKETING', categoryUpdateAt: '2025-05-02T07:00:00.000Z' }))).toEqual({
      category: 'UTILITY', correctCategory: 'MARKETING', correctCategoryEffectiveAt: new Date('2025-05-02T07:00:00.000Z'),
    });
  });

  it('moves the category and clears what was pending once completed', () => {
    expect(categoryColumns(update({ previousCategory: 'UTILITY', newCategory: 'MARKETING' }))).toEqual({
      category: 'MARKETING', previousCategory: 'UTILITY', correctCategory: null, correctCategoryEffectiveAt: null,
    });
  });

  it('sets only the category when the update says nothing else', () => {
    expect(categoryColumns(update({ newCategory: 'AUTHENTICATION' }))).toEqual({ category: 'AUTHENTICATION' });
  });
});
