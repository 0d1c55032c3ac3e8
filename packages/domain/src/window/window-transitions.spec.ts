import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from '../time';
import type { WindowState } from './window.model';
import { EMPTY_WINDOW } from './window.model';
import { customerServiceWindowAt, freeEntryPointAt } from './window-status';
import { markWindowClosed, recordBusinessReply, recordInbound } from './window-transitions';

const T0 = new Date('2026-03-01T12:00:00Z');
const h = (hours: number): Date => new Date(T0.getTime() + hours * HOUR_MS);

describe('recordInbound', () => {
  it('restarts the 24 h on every inbound', () => {
    const state = recordInbound(recordInbound(EMPTY_WINDOW, { at: h(0), referral: false }), { at: h(20), referral: false });
    expect(customerServiceWindowAt(state, h(30)).expiresAt).toEqual(h(44));
  });

  it('ignores a late webhook for an older inbound', () => {
    const state = recordInbound(recordInbound(EMPTY_WINDOW, { at: h(20), referral: false }), { at: h(0), referral: false });
    expect(state.lastInboundAt).toEqual(h(20));
  });

  it('starts a free entry point on a referral, keeps an open one, replaces a lapsed one', () => {
    const first = recordInbound(EMPTY_WINDOW, { at: h(0), referral: true });
    expect(first.entryPoint).toEqual({ referralAt: h(0), openedAt: null });
    const opened = recordBusinessReply(first, h(1));
    expect(recordInbound(opened, { at: h(10), referral: true }).entryPoint).toEqual(opened.entryPoint);
    expect(recordInbound(opened, { at: h(-5), referral: true }).entryPoint).toEqual(opened.entryPoint);
    expect(recordInbound(first, { at: h(5), referral: true }).entryPoint).toEqual(first.entryPoint);
    expect(recordInbound(opened, { at: h(80), referral: true }).entryPoint).toEqual({ referralAt: h(80), openedAt: null });
  });
});

describe('recordBusinessReply', () => {
  const referred = recordInbound(EMPTY_WINDOW, { at: h(0), referral: true });

  it.each([
    ['reply within 24 h opens it', referred, h(3), h(3)],
    ['reply after 24 h does not', referred, h(24), null],
    ['reply before the referral does not', referred, h(-1), null],
  ] as const)('%s', (_name, state, at, openedAt) => {
    expect(recordBusinessReply(state, at).entryPoint?.openedAt ?? null).toEqual(openedAt);
  });

  it('keeps the first opening and ignores states without a referral', () => {
    const opened = recordBusinessReply(referred, h(3));
    expect(recordBusinessReply(opened, h(4))).toBe(opened);
    expect(recordBusinessReply(EMPTY_WINDOW, h(4))).toBe(EMPTY_WINDOW);
    expect(freeEntryPointAt(opened, h(50)).expiresAt).toEqual(h(75));
  });
});

describe('markWindowClosed', () => {
  it('closes until the next inbound (131047)', () => {
    const closed = markWindowClosed(recordInbound(EMPTY_WINDOW, { at: h(0), referral: false }), h(2));
    expect(customerServiceWindowAt(closed, h(3)).reason).toBe('CLOSED_BY_META');
    expect(customerServiceWindowAt(recordInbound(closed, { at: h(4), referral: false }), h(5)).open).toBe(true);
    expect(markWindowClosed(closed, h(1)).closedByMetaAt).toEqual(h(2));
  });
});

describe('window — properties', () => {
  const instant = fc.integer({ min: 0, max: 10 * DAY_MS }).map((ms) => new Date(T0.getTime() + ms));
  const stateArb: fc.Arbitrary<WindowState> = fc.record({
    lastInboundAt: fc.option(instant, { nil: null }),
    closedByMetaAt: fc.option(instant, { nil: null }),
    entryPoint: fc.constant(null),
  });

  it('never closes earlier because another inbound arrived', () => {
    fc.assert(
      fc.property(stateArb, instant, fc.boolean(), instant, (state, at, referral, now) => {
        const before = customerServiceWindowAt(state, now);
        const after = customerServiceWindowAt(recordInbound(state, { at, referral }), now);
        if (before.open) expect(after.open).toBe(true);
        if (before.expiresAt !== null) expect(after.expiresAt?.getTime()).toBeGreaterThanOrEqual(before.expiresAt.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same window whatever order the inbounds arrive in', () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 8 }), instant, (inbounds, now) => {
        const fold = (list: readonly Date[]): WindowState =>
          list.reduce((s, at) => recordInbound(s, { at, referral: false }), EMPTY_WINDOW);
        expect(customerServiceWindowAt(fold([...inbounds].reverse()), now)).toEqual(customerServiceWindowAt(fold(inbounds), now));
      }),
    );
  });
});
