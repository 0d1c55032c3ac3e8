import { metaIdSchema, waIdSchema } from '@recado/contracts';

/**
 * Meta sends some ids as JSON numbers; they travel as decimal strings. A number above 2^53
 * was already rounded by JSON.parse in the HTTP layer: BigInt at least prints its digits
 * (not "1e+21"). Anything else is returned unchanged, for the schema to judge.
 */
export function idText(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value;
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

export const isWaId = (value: unknown): value is string => waIdSchema.safeParse(value).success;

/** The id as a string when it is a valid Meta id (number or string), else undefined. */
export function validMetaId(value: unknown): string | undefined {
  const id = idText(value);
  return metaIdSchema.safeParse(id).success ? (id as string) : undefined;
}
