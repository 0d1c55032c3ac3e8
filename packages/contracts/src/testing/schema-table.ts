import type { ParseResult } from '../validation';

/** A table row: what to change in a valid payload, and the error paths that must follow ([] = still valid). */
export type Row = readonly [description: string, payload: unknown, expectedPaths: readonly string[]];

/** Runs rows against a parser: valid rows parse, invalid rows report exactly the expected paths. */
export const expectPaths = (parse: (value: unknown) => ParseResult<unknown>, payload: unknown, expected: readonly string[]): void => {
  const result = parse(payload);
  const paths = result.ok ? [] : [...new Set(result.errors.map((error) => error.path))].sort();
  expect(paths).toEqual([...expected].sort());
};
