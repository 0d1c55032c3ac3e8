import { isValidTimeZone, localClock } from './local-clock';
import { parseLocalTime, quietHoursDeferUntil } from './quiet-hours.rule';

const night = { start: '21:00', end: '08:00' };

describe('quietHoursDeferUntil', () => {
  it.each([
    ['São Paulo 23:30 → 08:00 next day', night, 'America/Sao_Paulo', '2026-05-13T02:30:00Z', '2026-05-13T11:00:00Z'],
    ['São Paulo 07:59:30 → 08:00', night, 'America/Sao_Paulo', '2026-05-13T10:59:30Z', '2026-05-13T11:00:00Z'],
    ['São Paulo 08:00 is allowed', night, 'America/Sao_Paulo', '2026-05-13T11:00:00Z', null],
    ['São Paulo 20:59 is allowed', night, 'America/Sao_Paulo', '2026-05-13T23:59:00Z', null],
    ['daytime range 12:00–14:00', { start: '12:00', end: '14:00' }, 'Europe/Madrid', '2026-05-13T10:30:00Z', '2026-05-13T12:00:00Z'],
    ['equal start and end: never quiet', { start: '09:00', end: '09:00' }, 'UTC', '2026-05-13T09:00:00Z', null],
    ['New York spring forward: 01:00 EST → 08:00 EDT', night, 'America/New_York', '2026-03-08T06:00:00Z', '2026-03-08T12:00:00Z'],
    ['New York fall back: 23:00 EDT → 08:00 EST', night, 'America/New_York', '2026-11-01T03:00:00Z', '2026-11-01T13:00:00Z'],
    ['end inside the spring-forward gap → 03:00 EDT', { start: '01:00', end: '02:30' }, 'America/New_York', '2026-03-08T06:10:00Z', '2026-03-08T07:00:00Z'],
  ])('%s', (_name, quiet, zone, now, expected) => {
    const until = quietHoursDeferUntil(quiet, zone, new Date(now));
    expect(until?.toISOString() ?? null).toBe(expected === null ? null : new Date(expected).toISOString());
  });

  it('rejects malformed times', () => {
    expect(() => parseLocalTime('24:00')).toThrow(RangeError);
    expect(() => parseLocalTime('8:00')).toThrow(RangeError);
    expect(parseLocalTime('23:59')).toBe(23 * 60 + 59);
  });
});

describe('localClock', () => {
  it('reads the wall clock of a zone', () => {
    expect(localClock('Asia/Kolkata', new Date('2026-01-01T00:00:30.250Z'))).toEqual({ minuteOfDay: 5 * 60 + 30, msIntoMinute: 30_250 });
    expect(localClock('UTC', new Date('2026-01-01T00:00:00Z')).minuteOfDay).toBe(0);
  });

  it('knows valid zones and refuses unknown ones', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => localClock('Mars/Olympus', new Date(0))).toThrow(RangeError);
  });
});
