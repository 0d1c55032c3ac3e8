import type { SubscribeOptions } from './bus';
import { BusError } from './bus.error';
import { DEFAULT_REDELIVERY_BACKOFF } from './redelivery-delay';

export const DEFAULT_MAX_BATCH_SIZE = 100;

type Optional = 'onHandlerError' | 'concurrentPartitions';

/** Checks what an adapter cannot work without; thrown at subscribe time, a programming error. */
export function checkSubscribeOptions(options: SubscribeOptions): Required<Omit<SubscribeOptions, Optional>> & Pick<SubscribeOptions, Optional> {
  if (options.group.length === 0) throw new BusError('INVALID_SUBSCRIPTION', 'group must not be empty', false);
  if (options.topics.length === 0) throw new BusError('INVALID_SUBSCRIPTION', 'topics must not be empty', false);
  const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new BusError('INVALID_SUBSCRIPTION', `maxBatchSize must be a positive integer, got ${maxBatchSize}`, false);
  }
  const { concurrentPartitions } = options;
  if (concurrentPartitions !== undefined && (!Number.isInteger(concurrentPartitions) || concurrentPartitions < 1)) {
    throw new BusError('INVALID_SUBSCRIPTION', `concurrentPartitions must be a positive integer, got ${concurrentPartitions}`, false);
  }
  return {
    ...options,
    maxBatchSize,
    startAt: options.startAt ?? 'earliest',
    redeliveryBackoff: options.redeliveryBackoff ?? DEFAULT_REDELIVERY_BACKOFF,
  };
}
