import { jsonText, textOf, type JsonObject } from './json-values';
import type { EntryScope } from './normalise.types';
import { unixSecondsToIso } from './unix-time';

/** Account and template events happened at `entry[].time`, else (Meta gave none) on arrival. */
export const entryOccurredAt = (scope: EntryScope): string =>
  unixSecondsToIso(scope.entryTime) ?? scope.context.receivedAt.toISOString();

/**
 * The time part of an account or template event id: the value's own timestamp, else
 * `entry[].time`, else the value's text — never the arrival time, which differs between retries.
 */
export const factTime = (scope: EntryScope, ownTimestamp: unknown, value: JsonObject): string =>
  textOf(ownTimestamp) || textOf(scope.entryTime) || jsonText(value);
