import { contactKey, parseContactKey } from './partition-key';

describe('contactKey', () => {
  it.each([
    ['106540352242922', '5511987654321', '106540352242922:5511987654321'],
    ['1', 'US.13491208655302741918', '1:US.13491208655302741918'],
  ])('%s + %s → %s', (phoneNumberId, contactId, key) => {
    expect(contactKey(phoneNumberId, contactId)).toBe(key);
    expect(parseContactKey(key)).toEqual({ ok: true, value: { phoneNumberId, contactId } });
  });

  it.each([
    ['a phone number id with letters', 'abc', '5511987654321'],
    ['an empty contact', '106540352242922', ''],
    ['a contact with ":"', '106540352242922', 'a:b'],
  ])('refuses %s', (_description, phoneNumberId, contactId) => {
    expect(() => contactKey(phoneNumberId, contactId)).toThrow(RangeError);
  });
});

describe('parseContactKey', () => {
  it.each([
    ['no separator', '106540352242922', ['contactId']],
    ['nothing before ":"', ':5511987654321', ['phoneNumberId']],
    ['letters before ":"', 'waba:5511987654321', ['phoneNumberId']],
    ['a second ":"', '1:2:3', ['contactId']],
    ['an empty key', '', ['phoneNumberId', 'contactId']],
  ])('reports %s', (_description, key, paths) => {
    const result = parseContactKey(key);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(paths);
  });
});
