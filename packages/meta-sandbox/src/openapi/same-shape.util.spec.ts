import { shapeDifferences } from './same-shape.util';

describe('shapeDifferences', () => {
  it.each([
    ['same shape', { a: 1, b: [{ c: 'x' }] }, { a: 2, b: [{ c: 'y', d: 1 }] }, []],
    ['extra key', { a: 1, z: true }, { a: 2 }, ['/z: not in the example']],
    ['other type', { a: '1' }, { a: 2 }, ['/a: string instead of number']],
    ['array item', { b: [{ c: 'x' }, { c: 1 }] }, { b: [{ c: 'y' }] }, ['/b/1/c: number instead of string']],
  ])('%s', (_name, actual, expected, differences) => {
    expect(shapeDifferences(actual, expected)).toEqual(differences);
  });
});
