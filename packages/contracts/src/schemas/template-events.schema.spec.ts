import { parseTemplateCategoryUpdated, parseTemplateQualityUpdated, parseTemplateStatusUpdated } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const rejected = fixtureData('template-status-updated.rejected');
const impending = fixtureData('template-category-updated.impending');
const quality = fixtureData('template-quality-updated.yellow');

describe('parseTemplateStatusUpdated', () => {
  const rows: Row[] = [
    ['rejected with rejection info', rejected, []],
    ['paused with other info', fixtureData('template-status-updated.paused'), []],
    ['pending deletion with a null reason', fixtureData('template-status-updated.pending-deletion'), []],
    ['an unknown event', patched(rejected, 'event', 'EXPLODED'), ['event']],
    ['a numeric template id', patched(rejected, 'templateId', 1689556908129835), ['templateId']],
    ['an unknown category', patched(rejected, 'category', 'PROMO'), ['category']],
    ['no templateName', patched(rejected, 'templateName', absent), ['templateName']],
    ['no wabaId', patched(rejected, 'wabaId', absent), ['wabaId']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseTemplateStatusUpdated, payload, expected));
});

describe('parseTemplateCategoryUpdated', () => {
  const rows: Row[] = [
    ['impending', impending, []],
    ['completed', fixtureData('template-category-updated.completed'), []],
    ['no newCategory', patched(impending, 'newCategory', absent), ['newCategory']],
    ['a lower-case category', patched(impending, 'correctCategory', 'marketing'), ['correctCategory']],
    ['categoryUpdateAt as Unix seconds', patched(impending, 'categoryUpdateAt', 1746169200), ['categoryUpdateAt']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseTemplateCategoryUpdated, payload, expected));
});

describe('parseTemplateQualityUpdated', () => {
  const rows: Row[] = [
    ['green to yellow', quality, []],
    ['a first score without previous', patched(quality, 'previousQualityScore', absent), []],
    ['an unknown score', patched(quality, 'newQualityScore', 'ORANGE'), ['newQualityScore']],
    ['no templateLanguage', patched(quality, 'templateLanguage', absent), ['templateLanguage']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseTemplateQualityUpdated, payload, expected));
});
