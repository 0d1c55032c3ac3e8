import { applyStatusUpdate, type StatusUpdate } from '@recado/domain';
import type { MessageStatus } from '@recado/contracts';
import type { Message } from '@recado/persistence';
import { messageRow } from './test/message-row';
import { mergedStatusColumns, metaErrorDetail, statusUpdateOf, toStatusState } from './status-rows';

const at = (iso: string): Date => new Date(`2026-04-01T${iso}Z`);
const statusEvent = (status: MessageStatus['status'], time: string, extra: Partial<MessageStatus> = {}): MessageStatus =>
  ({ wabaId: '1', phoneNumberId: '2', wamid: 'wamid.1', status, occurredAt: at(time).toISOString(), recipientId: '5511999999999', ...extra }) as MessageStatus;

/** Applies webhook statuses one by one, as the projector does: row → state → merge → row. */
function project(row: Message, events: readonly MessageStatus[]): Message {
  return events.reduce((current, event) => {
    const before = toStatusState(current);
    const merged = applyStatusUpdate(before, statusUpdateOf(event) as StatusUpdate);
    return { ...current, ...mergedStatusColumns(current, event.wamid, before, merged) };
  }, row);
}

describe('status rows', () => {
  it('maps a webhook error to the domain shape', () => {
    expect(metaErrorDetail({ code: 131050, title: 'Stopped', error_data: { details: 'stopped marketing' } })).toEqual({ code: 131050, title: 'Stopped', details: 'stopped marketing' });
    expect(metaErrorDetail({ code: 1, message: 'm' })).toEqual({ code: 1, title: 'm', message: 'm' });
  });

  it('reads failed statuses with their errors', () => {
    const update = statusUpdateOf(statusEvent('failed', '10:01:00', { errors: [{ code: 131026, title: 'Undeliverable' }] }));
    expect(update).toEqual({ status: 'FAILED', at: at('10:01:00'), errors: [{ code: 131026, title: 'Undeliverable' }] });
  });

  it.each<[string, readonly MessageStatus[], Partial<Message>]>([
    ['in order', [statusEvent('sent', '10:00:01'), statusEvent('delivered', '10:00:02'), statusEvent('read', '10:00:03')], { status: 'READ', sentAt: at('10:00:01'), deliveredAt: at('10:00:02'), readAt: at('10:00:03') }],
    ['read before delivered', [statusEvent('read', '10:00:03'), statusEvent('delivered', '10:00:02')], { status: 'READ', deliveredAt: at('10:00:02'), readAt: at('10:00:03') }],
    ['delivered then sent', [statusEvent('delivered', '10:00:02'), statusEvent('sent', '10:00:01')], { status: 'DELIVERED', sentAt: at('10:00:01') }],
    ['failed after delivery is not a downgrade', [statusEvent('delivered', '10:00:02'), statusEvent('failed', '10:00:05', { errors: [{ code: 131000 }] })], { status: 'DELIVERED', failedAt: at('10:00:05') }],
    ['failed before sent arrives', [statusEvent('failed', '10:00:05', { errors: [{ code: 131049 }] }), statusEvent('sent', '10:00:01')], { status: 'FAILED', metaErrorCode: 131049 }],
  ])('%s', (_name, events, expected) => {
    expect(project(messageRow(), events)).toMatchObject(expected);
  });

  it('gives the same row whatever the order and however often a status repeats', () => {
    const events = [statusEvent('sent', '10:00:01'), statusEvent('read', '10:00:03'), statusEvent('delivered', '10:00:02')];
    const once = project(messageRow(), events);
    expect(project(messageRow(), [...events].reverse())).toEqual(once);
    expect(project(once, events)).toEqual(once);
  });

  it('settles a send failed locally as in doubt: that failure is not Meta word', () => {
    const inDoubt = messageRow({ status: 'FAILED', wamid: null, acceptedAt: null, failedAt: at('10:05:00'), reasonCode: 'SEND_IN_DOUBT' });
    expect(toStatusState(inDoubt).failure).toBeNull();
    expect(project(inDoubt, [statusEvent('delivered', '10:00:02')])).toMatchObject({ status: 'DELIVERED', wamid: 'wamid.1', failedAt: null, metaError: null });
  });

  it('keeps a synchronous failure the send path recorded, in its own format', () => {
    const failed = messageRow({ status: 'FAILED', failedAt: at('10:00:00'), metaErrorCode: 131047, metaError: { code: 'META_ERROR', message: 'Re-engagement', metaCode: 131047 } });
    expect(toStatusState(failed).failure).toEqual({ at: at('10:00:00'), errors: [{ code: 131047, title: 'Re-engagement' }] });
    expect(project(failed, [statusEvent('sent', '10:00:01')])).toMatchObject({ status: 'FAILED', metaError: failed.metaError, sentAt: at('10:00:01') });
  });
});
