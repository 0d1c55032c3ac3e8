import { charCount, findPlaceholders, hasStrayBraces } from './placeholder.util';
import { checkPlaceholders } from './parameters.rule';

describe('findPlaceholders', () => {
  it('finds positional, named and invalid placeholders with their positions', () => {
    expect(findPlaceholders('Oi {{1}}, {{first_name}} e {{Nome}}')).toEqual([
      { raw: '{{1}}', key: '1', kind: 'positional', start: 3, end: 8 },
      { raw: '{{first_name}}', key: 'first_name', kind: 'named', start: 10, end: 24 },
      { raw: '{{Nome}}', key: 'Nome', kind: 'invalid', start: 27, end: 35 },
    ]);
  });

  it.each([
    ['{{1}', true],
    ['{1}}', true],
    ['{{1}} e {{2}}', false],
    ['chaves {simples}', false],
  ])('stray braces in %s: %s', (text, expected) => {
    expect(hasStrayBraces(text)).toBe(expected);
  });

  it('counts code points, so an emoji is one character', () => {
    expect(charCount('olá 😀')).toBe(5);
  });
});

describe('checkPlaceholders', () => {
  const codes = (text: string, format: 'POSITIONAL' | 'NAMED' = 'POSITIONAL', checkPlacement = true) =>
    checkPlaceholders(text, format, 'p', { checkPlacement }).map((v) => v.code);

  it.each([
    ['Olá {{1}}, seu pedido chegou hoje à tarde.', 'POSITIONAL', []],
    ['Olá {{nome}}, seu pedido chegou hoje à tarde.', 'NAMED', []],
    ['Olá {{1}}, seu pedido chegou hoje à tarde.', 'NAMED', ['PARAMETER_FORMAT_MISMATCH']],
    ['Olá {{Nome}}, seu pedido chegou hoje à tarde.', 'NAMED', ['PARAMETER_INVALID_NAME']],
    ['Olá {{primeiro-nome}}, seu pedido chegou hoje à tarde.', 'NAMED', ['PARAMETER_INVALID_NAME']],
    ['Olá {{2}}, seu pedido chegou hoje à tarde.', 'POSITIONAL', ['PARAMETER_NOT_SEQUENTIAL']],
    ['Seu pedido chegou hoje, obrigado {{1}} !!', 'POSITIONAL', ['PARAMETER_AT_END']],
    ['Seu pedido chegou hoje, obrigado {{1}} e até logo', 'POSITIONAL', []],
    ['  {{1}} seu pedido chegou hoje à tarde', 'POSITIONAL', ['PARAMETER_AT_START']],
    ['Pedido {{1}}{{2}} chegou hoje à tarde mesmo como combinado', 'POSITIONAL', ['PARAMETER_ADJACENT']],
  ] as const)('%s (%s) → %j', (text, format, expected) => {
    expect(codes(text, format)).toEqual(expected);
  });

  it('skips placement and ratio rules when asked (headers)', () => {
    expect(codes('{{1}}', 'POSITIONAL', false)).toEqual([]);
    expect(codes('{{1}}', 'POSITIONAL', true)).toEqual(['PARAMETER_AT_START', 'PARAMETER_AT_END', 'PARAMETER_RATIO_TOO_HIGH']);
  });
});
