import type { CloudEvent } from '@recado/contracts';
import { findPhoneNumberByDisplay, keepUnroutedEvent, routeByMetaPhoneNumberId, routeByMetaWabaId, type Db, type TenantRoute } from '@recado/persistence';
import type { ProjectionContext } from './projection';

/** Why an event was kept instead of applied. */
export type UnroutedReason =
  | 'PHONE_NUMBER_UNKNOWN'
  | 'WABA_UNKNOWN'
  | 'TEMPLATE_UNKNOWN'
  | 'MESSAGE_UNKNOWN'
  | 'STATUS_UNKNOWN'
  | 'PREFERENCE_CATEGORY_UNKNOWN';

type AccountData = { readonly wabaId: string; readonly phoneNumberId?: string | undefined; readonly displayPhoneNumber?: string | undefined };
type RoutableEvent = CloudEvent & { readonly data: AccountData };

export type PhoneRoute = TenantRoute & { readonly phoneNumberId: string };

/** Keeps an event that cannot be applied, with the reason (never dropped). */
export async function keepUnrouted(db: Db, event: RoutableEvent, reasonCode: UnroutedReason, context: ProjectionContext, tenantId: string | null = null): Promise<void> {
  await keepUnroutedEvent(db, {
    eventId: event.id,
    type: event.type,
    reasonCode,
    tenantId,
    metaWabaId: event.data.wabaId,
    metaPhoneNumberId: event.data.phoneNumberId ?? null,
    event: event as unknown as Record<string, unknown>,
    receivedAt: context.receivedAt,
  });
  context.logger.warn('event kept unapplied', { eventId: event.id, type: event.type, reasonCode, tenantId });
}

/** The tenant and number of an event about one business number; keeps the event when no tenant owns it. */
export async function routeByPhoneNumber(db: Db, event: RoutableEvent, metaPhoneNumberId: string, context: ProjectionContext): Promise<PhoneRoute | null> {
  const route = await routeByMetaPhoneNumberId(db, metaPhoneNumberId);
  if (route?.phoneNumberId != null) return { ...route, phoneNumberId: route.phoneNumberId };
  await keepUnrouted(db, event, 'PHONE_NUMBER_UNKNOWN', context);
  return null;
}

/** The tenant of an event about a WhatsApp Business Account; keeps the event when no tenant owns it. */
export async function routeByWaba(db: Db, event: RoutableEvent, context: ProjectionContext): Promise<TenantRoute | null> {
  const route = await routeByMetaWabaId(db, event.data.wabaId);
  if (route === null) await keepUnrouted(db, event, 'WABA_UNKNOWN', context);
  return route;
}

/** A number named by id, or (phone-number quality updates) by display digits within its WABA. */
export async function routeToNumberOfWaba(db: Db, event: RoutableEvent, context: ProjectionContext): Promise<PhoneRoute | null> {
  const { phoneNumberId, displayPhoneNumber } = event.data;
  if (phoneNumberId !== undefined) return routeByPhoneNumber(db, event, phoneNumberId, context);
  const waba = await routeByWaba(db, event, context);
  if (waba === null) return null;
  const phone = displayPhoneNumber === undefined ? null : await findPhoneNumberByDisplay(db, waba.tenantId, waba.wabaId, displayPhoneNumber);
  if (phone !== null) return { ...waba, phoneNumberId: phone.id };
  await keepUnrouted(db, event, 'PHONE_NUMBER_UNKNOWN', context, waba.tenantId);
  return null;
}
