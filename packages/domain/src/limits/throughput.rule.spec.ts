import fc from 'fast-check';
import { throughputLevelAfterQualityEvent, throughputPerSecondOf } from './throughput.rule';

describe('throughput', () => {
  it.each([
    ['THROUGHPUT_UPGRADE', 'HIGH'],
    ['UPGRADE', null],
    ['DOWNGRADE', null],
    ['FLAGGED', null],
    ['UNFLAGGED', null],
    ['ONBOARDING', null],
    ['throughput_upgrade', null],
  ])('a %s quality event moves the level to %s', (event, level) => {
    expect(throughputLevelAfterQualityEvent(event)).toBe(level);
  });

  it.each([
    ['STANDARD', 80],
    ['HIGH', 1_000],
    ['COEXISTENCE', 20],
    [null, 80],
    ['UNKNOWN', 80],
    ['toString', 80],
  ])('a number at level %s sends %d messages per second', (level, perSecond) => {
    expect(throughputPerSecondOf(level)).toBe(perSecond);
  });

  it('never moves a level for any other event, and never gives a rate outside Meta\'s levels', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      if (text !== 'THROUGHPUT_UPGRADE') expect(throughputLevelAfterQualityEvent(text)).toBeNull();
      expect([20, 80, 1_000]).toContain(throughputPerSecondOf(text));
    }));
  });
});
