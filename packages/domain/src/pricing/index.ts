export * from './pricing.model';
export * from './rate-card.model';
export { PRICING_REGIMES, findPricingRegime, type PricingRegime, type CbpRegime, type PmpRegime } from './pricing-regimes.data';
export { classifyPricing } from './classify-pricing';
export { SAMPLE_RATE_CARDS } from './sample-rate-cards.data';
export { CALLING_CODES, countryOfWaId } from './calling-codes.data';
export { GENERAL_PURPOSE_AI_MARKETS } from './ai-provider-markets.data';
export { estimateCost, type CostEstimate, type CostEstimateStatus, type EstimateOptions } from './estimate-cost';
export {
  reconcile,
  type WebhookPricing,
  type WebhookConversation,
  type PricingDifference,
  type ReconciledField,
  type ReconciliationReport,
} from './reconcile';
