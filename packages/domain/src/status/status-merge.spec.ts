import fc from 'fast-check';
import type { MessageStatusState, StatusUpdate } from './status.model';
import { EMPTY_STATUS_STATE } from './status.model';
import { applyStatusUpdate, foldStatusUpdates, mergeStatusStates, parseWebhookStatus, statusStateOf } from './status-merge';
import { isDelivered, messageStatusOf } from './status-view';

const T0 = Date.parse('2026-04-01T10:00:00Z');
const s = (seconds: number): Date => new Date(T0 + seconds * 1000);
const u = (status: StatusUpdate['status'], seconds: number, code?: number): StatusUpdate =>
  code === undefined ? { status, at: s(seconds) } : { status, at: s(seconds), errors: [{ code, title: `error ${code}` }] };

describe('message status', () => {
  it.each<[string, readonly StatusUpdate[], string | null]>([
    ['nothing yet', [], null],
    ['accepted', [u('ACCEPTED', 0)], 'ACCEPTED'],
    ['in order', [u('ACCEPTED', 0), u('SENT', 1), u('DELIVERED', 2), u('READ', 3)], 'READ'],
    ['read before delivered [I20]', [u('SENT', 1), u('READ', 3), u('DELIVERED', 2)], 'READ'],
    ['delivered without sent [I3]', [u('DELIVERED', 2)], 'DELIVERED'],
    ['duplicates', [u('SENT', 1), u('SENT', 1), u('DELIVERED', 2), u('DELIVERED', 2)], 'DELIVERED'],
    ['played after read', [u('READ', 3), u('PLAYED', 4)], 'PLAYED'],
    ['failed after sent', [u('SENT', 1), u('FAILED', 2, 131049)], 'FAILED'],
    ['failed before sent arrives', [u('FAILED', 2, 131026), u('SENT', 1)], 'FAILED'],
    ['failed after delivered is an anomaly, not a downgrade', [u('DELIVERED', 2), u('FAILED', 3, 131000)], 'DELIVERED'],
  ])('%s → %s', (_name, updates, expected) => {
    expect(messageStatusOf(foldStatusUpdates(updates)).status).toBe(expected);
  });

  it('read implies delivered, sent and accepted at the earliest later time', () => {
    const view = messageStatusOf(foldStatusUpdates([u('READ', 5), u('SENT', 1)]));
    expect(view.at).toEqual({ ACCEPTED: s(1), SENT: s(1), DELIVERED: s(5), READ: s(5), PLAYED: null });
    expect(isDelivered(foldStatusUpdates([u('READ', 5)]))).toBe(true);
    expect(isDelivered(foldStatusUpdates([u('SENT', 5)]))).toBe(false);
  });

  it('keeps the failure with its errors and flags the anomaly', () => {
    const failed = messageStatusOf(foldStatusUpdates([u('SENT', 1), u('FAILED', 2, 131049)]));
    expect(failed).toMatchObject({ status: 'FAILED', failedAt: s(2), anomaly: null });
    expect(failed.errors).toEqual([{ code: 131049, title: 'error 131049' }]);
    const late = messageStatusOf(foldStatusUpdates([u('READ', 3), u('FAILED', 4, 131000)]));
    expect(late.anomaly).toBe('FAILED_AFTER_DELIVERY');
    expect(messageStatusOf(applyStatusUpdate(EMPTY_STATUS_STATE, { status: 'FAILED', at: s(1) })).errors).toEqual([]);
  });

  it('keeps the latest timestamp per status (RULES §8.4)', () => {
    expect(foldStatusUpdates([u('SENT', 1), u('SENT', 4), u('SENT', 2)]).observed.SENT).toEqual(s(4));
  });

  it.each([
    ['sent', 'SENT'],
    ['delivered', 'DELIVERED'],
    ['read', 'READ'],
    ['played', 'PLAYED'],
    ['failed', 'FAILED'],
    ['deleted', null],
    ['toString', null],
  ])('parses webhook status %s', (value, expected) => {
    expect(parseWebhookStatus(value)).toBe(expected);
  });
});

describe('status merge — properties', () => {
  const updateArb: fc.Arbitrary<StatusUpdate> = fc.record({
    status: fc.constantFrom('ACCEPTED' as const, 'SENT' as const, 'DELIVERED' as const, 'READ' as const, 'PLAYED' as const, 'FAILED' as const),
    seconds: fc.integer({ min: 0, max: 20 }),
    code: fc.constantFrom(131000, 131026, 131049),
  }).map((r) => (r.status === 'FAILED' ? u('FAILED', r.seconds, r.code) : u(r.status, r.seconds)));
  const stateArb: fc.Arbitrary<MessageStatusState> = fc.array(updateArb, { maxLength: 6 }).map(foldStatusUpdates);

  it('is order-independent and ignores duplicates', () => {
    const permuted = fc
      .array(updateArb, { maxLength: 10 })
      .chain((updates) =>
        fc.tuple(
          fc.constant(updates),
          fc.shuffledSubarray(updates, { minLength: updates.length, maxLength: updates.length }),
          fc.subarray(updates),
        ),
      );
    fc.assert(
      fc.property(permuted, ([updates, shuffled, repeated]) => {
        const expected = foldStatusUpdates(updates);
        expect(foldStatusUpdates(shuffled)).toEqual(expected);
        expect(foldStatusUpdates([...shuffled, ...repeated])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('merge is commutative, associative and idempotent with EMPTY as identity', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (a, b, c) => {
        expect(mergeStatusStates(a, b)).toEqual(mergeStatusStates(b, a));
        expect(mergeStatusStates(mergeStatusStates(a, b), c)).toEqual(mergeStatusStates(a, mergeStatusStates(b, c)));
        expect(mergeStatusStates(a, a)).toEqual(a);
        expect(mergeStatusStates(a, EMPTY_STATUS_STATE)).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('never goes back: applying an update never lowers the status', () => {
    const rank = ['ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED'];
    fc.assert(
      fc.property(stateArb, updateArb, (state, update) => {
        const before = messageStatusOf(state).at;
        const after = messageStatusOf(mergeStatusStates(state, statusStateOf(update))).at;
        for (const status of rank) if (before[status as keyof typeof before] !== null) expect(after[status as keyof typeof after]).not.toBeNull();
      }),
    );
  });
});
