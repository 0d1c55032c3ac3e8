import { parseMessagingLimitTier, throughputLevelAfterQualityEvent, type MessagingLimitTier } from '@recado/domain';
import { setPhoneNumberMessagingLimit, setPhoneNumberThroughputLevel, setWabaPhoneNumbersMessagingLimit, setWabaPortfolioMessagingLimit, type Db, type TenantRoute } from '@recado/persistence';
import { logAccountEvent } from './account-log';
import type { Projection, ProjectionContext } from './projection';
import { routeByPhoneNumber, routeByWaba, routeToNumberOfWaba } from './routing';

type Limit = string | number | undefined;

/** A number's quality event: its messaging limit, the portfolio's and its throughput, as the domain reads them. */
export const projectPhoneNumberQuality: Projection<'phoneNumberQualityUpdated'> = async (db, event, context) => {
  const route = await routeToNumberOfWaba(db, event, context);
  if (route === null) return;
  await logAccountEvent(db, route, event);
  const tier = limitTier(event.data.currentLimit, context);
  if (tier !== null) await setPhoneNumberMessagingLimit(db, route.tenantId, route.phoneNumberId, tier);
  await setPortfolioLimit(db, route, event.data.maxDailyConversationsPerBusiness, context);
  const throughput = throughputLevelAfterQualityEvent(event.data.event);
  if (throughput !== null) await setPhoneNumberThroughputLevel(db, route.tenantId, route.phoneNumberId, throughput);
};

/** The portfolio's messaging limit (and the older per-number one for the WABA's numbers). */
export const projectBusinessCapability: Projection<'businessCapabilityUpdated'> = async (db, event, context) => {
  const route = await routeByWaba(db, event, context);
  if (route === null) return;
  await logAccountEvent(db, route, event);
  await setPortfolioLimit(db, route, event.data.maxDailyConversationsPerBusiness, context);
  const perPhone = limitTier(event.data.maxDailyConversationPerPhone, context);
  if (perPhone !== null) await setWabaPhoneNumbersMessagingLimit(db, route.tenantId, route.wabaId, perPhone);
};

/** Bans, violations, restrictions, pricing tiers: recorded for the account (the domain has no rule to apply them). */
export const projectAccountUpdate: Projection<'accountUpdated'> = async (db, event, context) => {
  const phoneNumberId = event.data.phoneNumberId;
  const route = phoneNumberId === undefined ? await routeByWaba(db, event, context) : await routeByPhoneNumber(db, event, phoneNumberId, context);
  if (route !== null) await logAccountEvent(db, route, event);
};

async function setPortfolioLimit(db: Db, route: TenantRoute, limit: Limit, context: ProjectionContext): Promise<void> {
  const tier = limitTier(limit, context);
  if (tier === null) return;
  if (!(await setWabaPortfolioMessagingLimit(db, route.tenantId, route.wabaId, tier))) {
    context.logger.warn('messaging limit for a WABA without a portfolio', { tenantId: route.tenantId, wabaId: route.wabaId, tier });
  }
}

function limitTier(limit: Limit, context: ProjectionContext): MessagingLimitTier | null {
  if (limit === undefined) return null;
  const tier = parseMessagingLimitTier(String(limit));
  if (tier === null) context.logger.warn('messaging limit the domain does not know', { limit });
  return tier;
}
