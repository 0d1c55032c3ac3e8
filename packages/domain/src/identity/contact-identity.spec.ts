import { contactKey, conversationKey, observeContact, recipientPhoneNumber, UNKNOWN_CONTACT } from './contact-identity';
import { isUsPhoneNumber } from './us-number.rule';

describe('contact identity', () => {
  it.each([
    [{ waId: '551187654321', businessScopedUserId: 'BR.9', phoneNumber: '5511987654321' }, 'wa:551187654321', '551187654321'],
    [{ waId: null, businessScopedUserId: 'BR.9', phoneNumber: null }, 'bsuid:BR.9', null],
    [{ waId: null, businessScopedUserId: null, phoneNumber: '5511987654321' }, 'phone:5511987654321', '5511987654321'],
    [UNKNOWN_CONTACT, null, null],
  ])('%j → key %s, recipient %s', (identity, key, recipient) => {
    expect(contactKey(identity)).toBe(key);
    expect(recipientPhoneNumber(identity)).toBe(recipient);
  });

  it('takes the wa_id Meta returned, even without the ninth digit [I17]', () => {
    const dialled = observeContact(UNKNOWN_CONTACT, { input: '+55 11 98765-4321', waId: '551187654321' });
    expect(dialled).toEqual({ waId: '551187654321', businessScopedUserId: null, phoneNumber: '5511987654321' });
    const later = observeContact(dialled, { userId: 'BR.77' });
    expect(later).toEqual({ ...dialled, businessScopedUserId: 'BR.77' });
    expect(observeContact(UNKNOWN_CONTACT, { input: 'garbage' }).phoneNumber).toBeNull();
  });

  it('keys Kafka by phone number id and the best known id', () => {
    expect(conversationKey('106540352242922', { waId: '5511987654321', businessScopedUserId: null, phoneNumber: null })).toBe('106540352242922:5511987654321');
    expect(conversationKey('1', { waId: null, businessScopedUserId: 'BR.9', phoneNumber: null })).toBe('1:BR.9');
    expect(conversationKey('1', UNKNOWN_CONTACT)).toBeNull();
  });
});

describe('isUsPhoneNumber', () => {
  it.each([
    ['12125550123', true],
    ['17875550123', true],
    ['14165550123', false],
    ['18095550123', false],
    ['5511987654321', false],
    ['1212555012', false],
  ])('%s → %s', (digits, expected) => {
    expect(isUsPhoneNumber(digits)).toBe(expected);
  });
});
