import { applyStatusUpdate, messageStatusOf } from '@recado/domain';
import { lockMessageForStatus, writeMergedStatus } from '@recado/persistence';
import type { Projection } from './projection';
import { keepUnrouted, routeByPhoneNumber } from './routing';
import { applyMetaErrorFollowUps } from '../follow-ups/meta-error-follow-ups';
import { reconcileStatusPricing } from './status-pricing';
import { mergedStatusColumns, statusUpdateOf, toStatusState } from './status-rows';

/**
 * A delivery status: found by wamid, else by the command id echoed in `biz_opaque_callback_data`
 * (which settles a send whose answer was lost), merged by the domain's status machine (never
 * downgraded), then the error follow-ups and the pricing reconciliation.
 */
export const projectStatus: Projection<'messageStatus'> = async (db, event, context) => {
  const { data } = event;
  const route = await routeByPhoneNumber(db, event, data.phoneNumberId, context);
  if (route === null) return;
  const update = statusUpdateOf(data);
  if (update === null) return keepUnrouted(db, event, 'STATUS_UNKNOWN', context, route.tenantId);
  const message = await lockMessageForStatus(db, route.tenantId, { wamid: data.wamid, commandId: data.bizOpaqueCallbackData });
  if (message === null) return keepUnrouted(db, event, 'MESSAGE_UNKNOWN', context, route.tenantId);
  const before = toStatusState(message);
  const merged = applyStatusUpdate(before, update);
  await writeMergedStatus(db, route.tenantId, message.id, mergedStatusColumns(message, data.wamid, before, merged));
  const anomaly = messageStatusOf(merged).anomaly;
  if (anomaly !== null) context.logger.warn('status anomaly', { anomaly, wamid: data.wamid, eventId: event.id });
  if (update.status === 'FAILED') await applyMetaErrorFollowUps(db, { route, message, failedAt: update.at, errors: update.errors ?? [] }, context);
  await reconcileStatusPricing(db, route.tenantId, { ...message, wamid: data.wamid }, data);
};
