/** Map keys of the bulk-loaded facts. */
export const pairKey = (phoneNumberId: string, contactId: string): string => `${phoneNumberId}:${contactId}`;

export const templateKey = (wabaId: string, name: string, language: string): string => `${wabaId}:${name}:${language}`;

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
