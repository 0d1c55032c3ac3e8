import { compact, jsonText, restOf, textOf } from './json-values';

describe('jsonText', () => {
  it('is the JSON text of JSON values', () => {
    expect(jsonText({ b: 1, a: [true, null] })).toBe('{"b":1,"a":[true,null]}');
    expect(jsonText(undefined)).toBe('');
  });

  it('never throws, even for what JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(jsonText(cycle)).toBe('[object Object]');
    expect(jsonText(10n)).toBe('[object BigInt]');
  });
});

describe('textOf', () => {
  it.each<[unknown, string]>([
    ['wamid.A', 'wamid.A'],
    [131049, '131049'],
    [undefined, ''],
    [null, ''],
    [{ code: 1 }, ''],
  ])('%p → %p', (value, expected) => {
    expect(textOf(value)).toBe(expected);
  });
});

describe('restOf', () => {
  it('keeps every field not consumed, under its own name', () => {
    expect(restOf({ id: 'x', status: 'sent', recipient_identity_key_hash: 'DF2l' }, ['id', 'status'])).toEqual({ recipient_identity_key_hash: 'DF2l' });
  });

  it('keeps a "__proto__" field as data, never as a prototype', () => {
    const rest = restOf(JSON.parse('{"__proto__": {"polluted": true}, "id": 1}') as Record<string, unknown>, ['id']);
    expect(Object.keys(rest)).toEqual(['__proto__']);
    expect((rest as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('compact', () => {
  it('drops undefined fields and keeps null ones', () => {
    expect(Object.keys(compact({ a: undefined, b: null, c: 0 }))).toEqual(['b', 'c']);
  });

  it('keeps a "__proto__" field as data, never as a prototype', () => {
    const kept = compact(JSON.parse('{"__proto__": {"polluted": true}, "gone": null}') as Record<string, unknown>);
    expect(Object.keys(kept)).toEqual(['__proto__', 'gone']);
    expect((kept as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
  });
});
