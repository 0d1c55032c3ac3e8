/** `YYYY-MM-DD` of an instant in a fixed UTC offset (WABA time zone); pure, no clock read. */
export function localDate(at: Date, utcOffsetMinutes = 0): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Half-open date range check on `YYYY-MM-DD` strings: from ≤ date < until. */
export function inDateRange(date: string, from: string, until: string | null): boolean {
  return date >= from && (until === null || date < until);
}
