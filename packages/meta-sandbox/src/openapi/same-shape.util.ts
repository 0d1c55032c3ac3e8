const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/**
 * Contract check by example, for payloads whose schema in the description is defective: the
 * paths where `actual` has a key the example lacks, or a value of another JSON type. Array
 * items are compared with the example's first item.
 */
export function shapeDifferences(actual: unknown, expected: unknown, path = ''): string[] {
  if (kind(actual) !== kind(expected)) return [`${path || '/'}: ${kind(actual)} instead of ${kind(expected)}`];
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return expected.length === 0 ? [] : actual.flatMap((item, i) => shapeDifferences(item, expected[0], `${path}/${i}`));
  }
  if (kind(actual) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  return Object.keys(a).flatMap((key) => (key in e ? shapeDifferences(a[key], e[key], `${path}/${key}`) : [`${path}/${key}: not in the example`]));
}
