/** A send's queue: one contact on one business number, whose messages must leave in order. */
export interface Queued {
  readonly phoneId: string;
  readonly contactId: string;
}

/**
 * Splits sends into waves: wave k holds the k-th send of every (number, contact) pair, in the
 * given order. Sending wave after wave keeps each contact's order while the sends of one wave
 * go side by side.
 */
export function sendWaves<T extends Queued>(sends: readonly T[]): T[][] {
  const waves: T[][] = [];
  const seen = new Map<string, number>();
  for (const send of sends) {
    const pair = `${send.phoneId}:${send.contactId}`;
    const index = seen.get(pair) ?? 0;
    seen.set(pair, index + 1);
    (waves[index] ??= []).push(send);
  }
  return waves;
}

/** Groups items by a key, keeping the items' order within each group and the groups' first-seen order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}
