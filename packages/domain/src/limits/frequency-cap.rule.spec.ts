import { HOUR_MS } from '../time';
import { checkMarketingCap } from './frequency-cap.rule';
import type { RecentSend } from './send-history.model';

const NOW = new Date('2026-05-12T15:00:00Z');
const ago = (hours: number, category: RecentSend['category'] = 'MARKETING'): RecentSend => ({ at: new Date(NOW.getTime() - hours * HOUR_MS), category });
const after = (hours: number): Date => new Date(NOW.getTime() + hours * HOUR_MS);

describe('checkMarketingCap', () => {
  it.each([
    ['no caps', [ago(1), ago(2)], { per24h: null, per7d: null }, { ok: true }],
    ['under the daily cap', [ago(1)], { per24h: 2, per7d: null }, { ok: true }],
    ['other categories do not count', [ago(1, 'UTILITY'), ago(1, 'SERVICE')], { per24h: 1, per7d: null }, { ok: true }],
    ['sends older than 24 h do not count', [ago(25)], { per24h: 1, per7d: null }, { ok: true }],
    ['daily cap reached: the oldest in-window send frees the slot', [ago(1), ago(5), ago(30)], { per24h: 2, per7d: null }, { ok: false, period: '24H', limit: 2, until: after(19) }],
    ['weekly cap reached', [ago(30), ago(50), ago(200)], { per24h: 3, per7d: 2 }, { ok: false, period: '7D', limit: 2, until: after(168 - 50) }],
    ['both reached: the later end wins', [ago(1), ago(2)], { per24h: 1, per7d: 2 }, { ok: false, period: '7D', limit: 2, until: after(166) }],
    ['weekly first, daily later still later', [ago(23), ago(100)], { per24h: 1, per7d: 2 }, { ok: false, period: '7D', limit: 2, until: after(68) }],
    ['cap of zero never frees', [], { per24h: 0, per7d: null }, { ok: false, period: '24H', limit: 0, until: null }],
    ['cap of zero wins over a dated one', [ago(1)], { per24h: 1, per7d: 0 }, { ok: false, period: '7D', limit: 0, until: null }],
    ['zero daily cap with a dated weekly one', [ago(1), ago(2)], { per24h: 0, per7d: 1 }, { ok: false, period: '24H', limit: 0, until: null }],
  ] as const)('%s', (_name, sends, policy, expected) => {
    expect(checkMarketingCap(sends, policy, NOW)).toEqual(expected);
  });
});
