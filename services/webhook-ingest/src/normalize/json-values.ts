export type JsonObject = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value's JSON text; a retry carries the same bytes, so the same key order and the same text. */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Only values JSON cannot hold (BigInt, cycles) get here; the body came from JSON.parse.
    return Object.prototype.toString.call(value);
  }
}

/** A string as is, a number in decimal, anything else as nothing: for id parts. */
export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The fields `keep` accepts, in order; a "__proto__" field stays data, never becomes a prototype. */
function fieldsWhere(value: object, keep: (key: string, field: unknown) => boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (!keep(key, field)) continue;
    if (key === '__proto__') Object.defineProperty(kept, key, { value: field, enumerable: true, writable: true, configurable: true });
    else kept[key] = field;
  }
  return kept;
}

/** The fields not named in `consumed`: Meta's later additions travel on under their own names. */
export const restOf = (value: JsonObject, consumed: readonly string[]): JsonObject => fieldsWhere(value, (key) => !consumed.includes(key));

/** Drops `undefined` fields (an absent optional), keeps `null` (Meta's own "no value"). */
export const compact = <T extends object>(value: T): T => fieldsWhere(value, (_key, field) => field !== undefined) as T;
