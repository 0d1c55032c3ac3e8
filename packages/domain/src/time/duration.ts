/** Durations in milliseconds; every instant in the domain is a `Date` passed in by the caller. */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A new instant `ms` after `at` (never reads the clock). */
export function addMs(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** The later of two instants; `null` counts as "never". */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.getTime() > a.getTime() ? b : a;
}
