import { brazilianMobileVariants, normalizePhoneNumber } from './phone-number';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+55 (11) 98765-4321', {}, '5511987654321'],
    ['0055 11 98765 4321', {}, '5511987654321'],
    ['5511987654321', {}, '5511987654321'],
    ['(11) 98765-4321', { defaultCallingCode: '55' }, '5511987654321'],
    ['011 98765-4321', { defaultCallingCode: '55' }, '5511987654321'],
    ['+1 212.555.0123', { defaultCallingCode: '55' }, '12125550123'],
    ['+34\u00a0612/345/678', {}, '34612345678'],
  ])('%s → %s', (input, options, digits) => {
    expect(normalizePhoneNumber(input, options)).toEqual({ ok: true, digits });
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['+55 11 9876-ABCD', 'INVALID_CHARACTERS'],
    ['++5511987654321', 'INVALID_CHARACTERS'],
    ['0 11 98765 4321', 'LEADING_ZERO'],
    ['+55 11', 'TOO_SHORT'],
    ['+55 11 98765 4321 12345', 'TOO_LONG'],
  ])('%j → %s', (input, problem) => {
    const result = normalizePhoneNumber(input);
    expect(result).toMatchObject({ ok: false, problem });
  });
});

describe('brazilianMobileVariants', () => {
  it.each([
    ['5511987654321', ['5511987654321', '551187654321']],
    ['551187654321', ['551187654321', '5511987654321']],
    ['551133334444', ['551133334444']],
    ['12125550123', ['12125550123']],
  ])('%s → %j', (digits, variants) => {
    expect(brazilianMobileVariants(digits)).toEqual(variants);
  });
});
