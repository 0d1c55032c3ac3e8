// Date's range ends at 8.64e15 ms after the epoch.
const MAX_SECONDS = 8_640_000_000_000;

/** Meta's Unix seconds, as a string of digits (`messages[].timestamp`) or a number (`entry[].time`). */
export function unixSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : undefined;
  return seconds !== undefined && Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_SECONDS ? seconds : undefined;
}

export function unixSecondsToIso(value: unknown): string | undefined {
  const seconds = unixSeconds(value);
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

/** The instant as ISO, or the value unchanged so that the schema reports what Meta sent. */
export const isoOrRaw = (value: unknown): unknown => unixSecondsToIso(value) ?? value;
