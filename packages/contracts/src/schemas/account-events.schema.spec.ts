import { parseAccountUpdated, parseBusinessCapabilityUpdated, parsePhoneNumberQualityUpdated, parseUserPreferenceUpdated } from '../parsers';
import { absent, fixtureData, patched } from '../testing/load-fixtures';
import { expectPaths, type Row } from '../testing/schema-table';

const upgrade = fixtureData('phone-number-quality-updated.throughput-upgrade');
const capability = fixtureData('business-capability-updated.limit');
const tier = fixtureData('account-updated.volume-tier');
const stop = fixtureData('user-preference-updated.stop');

describe('parsePhoneNumberQualityUpdated', () => {
  const rows: Row[] = [
    ['a throughput upgrade', upgrade, []],
    ['flagged, known only by display number', fixtureData('phone-number-quality-updated.flagged'), []],
    ['no event', patched(upgrade, 'event', absent), ['event']],
    ['no display number', patched(upgrade, 'displayPhoneNumber', absent), ['displayPhoneNumber']],
    ['a limit as a boolean', patched(upgrade, 'currentLimit', true), ['currentLimit']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parsePhoneNumberQualityUpdated, payload, expected));
});

describe('parseBusinessCapabilityUpdated', () => {
  const rows: Row[] = [
    ['a numeric limit', capability, []],
    ['an unlimited limit', patched(capability, 'maxDailyConversationsPerBusiness', 'UNLIMITED'), []],
    ['a fractional limit', patched(capability, 'maxPhoneNumbersPerBusiness', 2.5), ['maxPhoneNumbersPerBusiness']],
    ['no wabaId', patched(capability, 'wabaId', absent), ['wabaId']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseBusinessCapabilityUpdated, payload, expected));
});

describe('parseAccountUpdated', () => {
  const rows: Row[] = [
    ['a volume tier update', tier, []],
    ['a violation', fixtureData('account-updated.violation'), []],
    ['no event', patched(tier, 'event', absent), ['event']],
    ['details as a string', patched(tier, 'details', 'banned'), ['details']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseAccountUpdated, payload, expected));
});

describe('parseUserPreferenceUpdated', () => {
  const rows: Row[] = [
    ['stop', stop, []],
    ['resume', fixtureData('user-preference-updated.resume'), []],
    ['an unknown value', patched(stop, 'value', 'pause'), ['value']],
    ['no contact', patched(stop, 'waId', absent), ['waId']],
    ['no phoneNumberId', patched(stop, 'phoneNumberId', absent), ['phoneNumberId']],
    ['no category', patched(stop, 'category', absent), ['category']],
  ];
  it.each(rows)('%s', (_description, payload, expected) => expectPaths(parseUserPreferenceUpdated, payload, expected));
});
