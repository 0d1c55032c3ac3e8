import { THROUGHPUT_MPS } from './token-bucket';

export type ThroughputLevel = keyof typeof THROUGHPUT_MPS;

const isThroughputLevel = (level: string | null): level is ThroughputLevel => level !== null && Object.hasOwn(THROUGHPUT_MPS, level);

/**
 * The throughput level a `phone_number_quality_update` event moves a number to, or null when the
 * event leaves it alone: `THROUGHPUT_UPGRADE` raises it to 1,000 messages per second [M28] [M39].
 */
export function throughputLevelAfterQualityEvent(event: string): ThroughputLevel | null {
  return event === 'THROUGHPUT_UPGRADE' ? 'HIGH' : null;
}

/** Messages per second a number may send at its throughput level; the standard 80 when the level is unknown [M28]. */
export function throughputPerSecondOf(level: string | null): number {
  return isThroughputLevel(level) ? THROUGHPUT_MPS[level] : THROUGHPUT_MPS.STANDARD;
}
