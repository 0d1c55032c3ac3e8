import { MINUTE_MS } from '../time';

export interface LocalClock {
  readonly minuteOfDay: number;
  readonly msIntoMinute: number;
}

// Formatters are costly to build and immutable, so one per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null;
  try {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
  } catch {
    formatter = null;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** `true` for an IANA zone name the runtime knows (e.g. `America/Sao_Paulo`). */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** Wall-clock time at `at` in `timeZone` (pure: Intl only formats the given instant). */
export function localClock(timeZone: string, at: Date): LocalClock {
  const formatter = formatterFor(timeZone);
  if (formatter === null) throw new RangeError(`Unknown time zone "${timeZone}".`);
  // `format` ("HH:MM", h23) is several times cheaper than `formatToParts`.
  const text = formatter.format(at);
  const hour = Number(text.slice(0, 2));
  const minute = Number(text.slice(3, 5));
  const msIntoMinute = ((at.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return { minuteOfDay: hour * 60 + minute, msIntoMinute };
}
