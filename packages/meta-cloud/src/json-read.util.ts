/** Small readers for Meta's JSON answers, which the client checks rather than trusts. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringAt = (record: Record<string, unknown>, key: string): string | undefined => {
  const value = record[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
};
