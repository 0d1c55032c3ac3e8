import type { CloudEvent } from '@recado/contracts';
import { recordAccountEvent, type Db } from '@recado/persistence';

type AccountLevelEvent = CloudEvent & { readonly data: { readonly occurredAt: string; readonly event?: unknown } };

/** Every routed account-level event is kept as received, applied or not. */
export async function logAccountEvent(db: Db, route: { tenantId: string; wabaId: string; phoneNumberId?: string | null }, event: AccountLevelEvent): Promise<void> {
  await recordAccountEvent(db, route.tenantId, {
    eventId: event.id,
    wabaId: route.wabaId,
    phoneNumberId: route.phoneNumberId ?? null,
    type: event.type,
    event: typeof event.data.event === 'string' ? event.data.event : null,
    data: { ...event.data },
    occurredAt: new Date(event.data.occurredAt),
  });
}
