import { HOUR_MS } from '../time';
import type { WindowState } from './window.model';
import { DEFAULT_WINDOW_DURATIONS, EMPTY_WINDOW } from './window.model';
import { customerServiceWindowAt, freeEntryPointAt, isCustomerServiceWindowOpen } from './window-status';

const T0 = new Date('2026-03-01T12:00:00Z');
const h = (hours: number): Date => new Date(T0.getTime() + hours * HOUR_MS);
const withInbound = (at: Date | null, closedByMetaAt: Date | null = null): WindowState => ({ ...EMPTY_WINDOW, lastInboundAt: at, closedByMetaAt });

describe('customerServiceWindowAt', () => {
  it.each([
    ['never wrote', withInbound(null), h(0), false, null, 'NO_INBOUND'],
    ['just wrote', withInbound(h(0)), h(0), true, h(24), 'OPEN'],
    ['23 h 59 later', withInbound(h(0)), new Date(h(24).getTime() - 1), true, h(24), 'OPEN'],
    ['exactly 24 h later', withInbound(h(0)), h(24), false, h(24), 'EXPIRED'],
    ['inbound stamped after now (clock skew)', withInbound(h(1)), h(0), true, h(25), 'OPEN'],
    ['131047 after the inbound', withInbound(h(0), h(2)), h(3), false, h(24), 'CLOSED_BY_META'],
    ['131047 before a newer inbound', withInbound(h(5), h(2)), h(6), true, h(29), 'OPEN'],
  ] as const)('%s', (_name, state, now, open, expiresAt, reason) => {
    const view = customerServiceWindowAt(state, now);
    expect(view).toEqual({ open, expiresAt, reason, lastInboundAt: state.lastInboundAt });
    expect(isCustomerServiceWindowOpen(state, now)).toBe(open);
  });

  it('uses configured durations', () => {
    const durations = { ...DEFAULT_WINDOW_DURATIONS, customerServiceMs: HOUR_MS };
    expect(customerServiceWindowAt(withInbound(h(0)), h(2), durations).open).toBe(false);
  });
});

describe('freeEntryPointAt', () => {
  const referral = (openedAt: Date | null): WindowState => ({ ...withInbound(h(0)), entryPoint: { referralAt: h(0), openedAt } });

  it.each([
    ['no referral', withInbound(h(0)), h(1), false, null, 'NO_REFERRAL'],
    ['referral, business has not replied yet', referral(null), h(10), false, h(24), 'AWAITING_BUSINESS_REPLY'],
    ['referral, reply deadline missed', referral(null), h(24), false, h(24), 'REPLY_DEADLINE_MISSED'],
    ['reply opened 72 h', referral(h(2)), h(60), true, h(74), 'OPEN'],
    ['72 h over', referral(h(2)), h(74), false, h(74), 'EXPIRED'],
  ] as const)('%s', (_name, state, now, open, expiresAt, reason) => {
    expect(freeEntryPointAt(state, now)).toEqual({ open, expiresAt, reason });
  });

  it('does not extend the customer service window', () => {
    expect(customerServiceWindowAt(referral(h(2)), h(30)).open).toBe(false);
    expect(freeEntryPointAt(referral(h(2)), h(30)).open).toBe(true);
  });
});
