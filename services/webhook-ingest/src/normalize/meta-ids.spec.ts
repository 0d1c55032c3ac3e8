import { idText, isWaId, validMetaId } from './meta-ids';

describe('idText', () => {
  it.each<[string, unknown, unknown]>([
    ['a template id sent as a number', 278077987957091, '278077987957091'],
    ['a string id', '1689556908129835', '1689556908129835'],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
    // JSON.parse already rounded it: the digits are those of the rounded number, never "1e+21".
    ['a number above 2^53', 2 ** 53 + 2, '9007199254740994'],
    ['a huge number', 1e21, '1000000000000000000000'],
    ['zero', 0, '0'],
    ['a negative integer (left for the schema to reject)', -3, '-3'],
    ['a fraction, unchanged', 1.5, 1.5],
    ['null, unchanged', null, null],
    ['an object, unchanged', { id: 1 }, { id: 1 }],
  ])('%s', (_case, value, expected) => {
    expect(idText(value)).toEqual(expected);
  });
});

describe('validMetaId', () => {
  it.each<[unknown, string | undefined]>([
    ['102290129340398', '102290129340398'],
    [102290129340398, '102290129340398'],
    ['', undefined],
    ['abc', undefined],
    [-3, undefined],
    [1.5, undefined],
    [null, undefined],
  ])('%p → %p', (value, expected) => {
    expect(validMetaId(value)).toBe(expected);
  });
});

describe('isWaId', () => {
  it.each<[unknown, boolean]>([
    ['16505551234', true],
    ['5511987654321', true],
    ['+16505551234', false],
    ['US.13491208655302741918', false],
    ['Y2FwaV9ncm91cDoxODA1NTU1MDE3MjoxMjAzNjMyMjI3NzE5NjMwNjcZD', false],
    [16505551234, false],
    [undefined, false],
  ])('%p → %p', (value, expected) => {
    expect(isWaId(value)).toBe(expected);
  });
});
