import { MINUTE_MS } from '../time';
import { localClock } from './local-clock';

/** Local times `HH:MM`; the range wraps midnight when `start` > `end`; equal = no quiet hours. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

const MINUTES_PER_DAY = 24 * 60;

/** Minutes after local midnight for `HH:MM`; throws on malformed input (configuration error). */
export function parseLocalTime(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(value);
  if (match === null) throw new RangeError(`"${value}" is not a local time HH:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function isQuietMinute(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * `null` when `now` is outside the quiet hours in `timeZone`; otherwise the start of the
 * next allowed local minute (the end of the quiet hours), DST transitions included.
 */
export function quietHoursDeferUntil(quiet: QuietHours, timeZone: string, now: Date): Date | null {
  const start = parseLocalTime(quiet.start);
  const end = parseLocalTime(quiet.end);
  const quietAt = (at: Date): boolean => isQuietMinute(localClock(timeZone, at).minuteOfDay, start, end);
  if (!quietAt(now)) return null;
  let candidate = now;
  // Each jump lands on the local end time unless a DST change moved the clock meanwhile.
  for (let hop = 0; hop < 3 && quietAt(candidate); hop += 1) candidate = jumpToLocalTime(candidate, end, timeZone);
  if (localClock(timeZone, candidate).minuteOfDay === end) return candidate;
  return firstAllowedMinute(now, candidate, quietAt);
}

function jumpToLocalTime(at: Date, targetMinute: number, timeZone: string): Date {
  const clock = localClock(timeZone, at);
  const minutes = (targetMinute - clock.minuteOfDay + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  return new Date(at.getTime() + minutes * MINUTE_MS - clock.msIntoMinute);
}

/** The end time fell in a DST gap: binary-search the first allowed minute before `allowed`. */
function firstAllowedMinute(now: Date, allowed: Date, quietAt: (at: Date) => boolean): Date {
  let low = 0;
  let high = 60;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const probe = new Date(allowed.getTime() - (60 - middle) * MINUTE_MS);
    if (probe.getTime() > now.getTime() && !quietAt(probe)) high = middle;
    else low = middle + 1;
  }
  return new Date(allowed.getTime() - (60 - low) * MINUTE_MS);
}
