import { SECOND_MS } from '../time';
import { DEFAULT_PAIR_MIN_GAP_MS, pairRateDeferUntil } from './pair-rate.rule';

const NOW = new Date('2026-05-12T15:00:00Z');
const ago = (seconds: number) => ({ at: new Date(NOW.getTime() - seconds * SECOND_MS), category: 'SERVICE' as const });

describe('pairRateDeferUntil', () => {
  it.each([
    ['no earlier message', [], DEFAULT_PAIR_MIN_GAP_MS, null],
    ['6 s ago', [ago(6)], DEFAULT_PAIR_MIN_GAP_MS, null],
    ['2 s ago → wait 4 s', [ago(10), ago(2)], DEFAULT_PAIR_MIN_GAP_MS, new Date(NOW.getTime() + 4 * SECOND_MS)],
    ['gap disabled', [ago(0)], 0, null],
  ] as const)('%s', (_name, sends, gap, expected) => {
    expect(pairRateDeferUntil(sends, gap, NOW)).toEqual(expected);
  });
});
