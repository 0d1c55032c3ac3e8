import { setTimeout as sleep } from 'node:timers/promises';
import { deliverBatch, type DeliveryOutcome } from '../deliver-batch';
import type { EmbeddedGroup } from './embedded-group';
import type { EmbeddedMember } from './embedded-member';

const LOG_FAILURE_PAUSE_MS = 1_000;

/**
 * Delivers one topic-partition of one group, batch after batch, to whichever member owns it now.
 * One loop per partition means one batch at a time per partition: per-key order across rebalances.
 */
export async function runPartitionLoop(group: EmbeddedGroup, topic: string, partition: number): Promise<void> {
  for (;;) {
    const version = group.signal.version;
    const member = group.assignee(topic, partition);
    if (member === undefined) {
      if (group.retire(topic, partition)) return;
      continue;
    }
    if (member.paused || member.stopping) {
      await group.signal.changedSince(version);
      continue;
    }
    try {
      const outcome = await member.track(deliverNext(group, member, topic, partition));
      if (outcome === 'empty') await group.signal.changedSince(version);
    } catch (error) {
      group.onError(error);
      await sleep(LOG_FAILURE_PAUSE_MS);
    }
  }
}

async function deliverNext(group: EmbeddedGroup, member: EmbeddedMember, topic: string, partition: number): Promise<DeliveryOutcome | 'empty'> {
  const from = await group.position(topic, partition);
  const messages = await group.log.read(topic, partition, from, member.maxBatchSize);
  if (messages.length === 0) return 'empty';
  const outcome = await deliverBatch(member.handler, { topic, partition, messages }, {
    canContinue: () => !member.paused && !member.stopping && group.assignee(topic, partition) === member,
    heartbeat: () => Promise.resolve(),
    heartbeatIntervalMs: 60_000,
    backoff: member.backoff,
    ...(member.onHandlerError && { onHandlerError: member.onHandlerError }),
  });
  if (outcome === 'delivered') await group.log.commit(group.name, topic, partition, from + messages.length);
  return outcome;
}
