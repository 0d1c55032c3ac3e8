/** Paths where `actual` has a key `expected` lacks or a value of another JSON type. */
export function shapeDifferences(actual: unknown, expected: unknown, path = ''): string[] {
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  if (kind(actual) !== kind(expected)) return [`${path || '/'}: ${kind(actual)} instead of ${kind(expected)}`];
  if (kind(actual) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  return Object.keys(a).flatMap((key) => (key in e ? shapeDifferences(a[key], e[key], `${path}/${key}`) : [`${path}/${key}: not in the example`]));
}
