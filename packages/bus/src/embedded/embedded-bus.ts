import type { Bus, BusMessage, SubscribeOptions, Subscription } from '../bus';
import { BusError } from '../bus.error';
import { checkSubscribeOptions } from '../subscribe-defaults';
import { EmbeddedGroup } from './embedded-group';
import type { EmbeddedLog } from './embedded-log';
import { EmbeddedMember } from './embedded-member';
import { createMemoryLog } from './memory-log';
import { partitionForKey } from './partition-for-key';
import { WakeSignal } from './wake-signal';

export interface EmbeddedBusOptions {
  /** Where messages and group positions live (default: in memory). */
  readonly log?: EmbeddedLog;
  /** Told about storage failures; the bus retries after them. */
  readonly onError?: (error: unknown) => void;
}

/** The bus inside one process: same semantics as Kafka, storage behind the `EmbeddedLog` port. */
export function createEmbeddedBus(options: EmbeddedBusOptions = {}): Bus {
  const log = options.log ?? createMemoryLog();
  const onError = options.onError ?? (() => undefined);
  const signal = new WakeSignal();
  const unlisten = log.onAppend(() => signal.notify());
  const groups = new Map<string, EmbeddedGroup>();
  const subscriptions = new Set<Subscription>();
  let nextMemberId = 1;
  let closed = false;

  const groupNamed = (name: string): EmbeddedGroup => {
    const group = groups.get(name) ?? new EmbeddedGroup(name, log, signal, onError);
    groups.set(name, group);
    return group;
  };

  return {
    publish: async (messages: readonly BusMessage[]) => {
      if (closed) throw new BusError('BUS_CLOSED', 'the bus is closed', false);
      await log.append(messages.map((message) => ({ message, partition: partitionForKey(message.key, log.partitionCount(message.topic)) })));
    },
    subscribe: async (subscribeOptions: SubscribeOptions) => {
      if (closed) throw new BusError('BUS_CLOSED', 'the bus is closed', false);
      const settings = checkSubscribeOptions(subscribeOptions);
      const member = new EmbeddedMember(nextMemberId++, [...settings.topics], settings.handler, settings.maxBatchSize, settings.redeliveryBackoff, settings.onHandlerError);
      const group = groupNamed(settings.group);
      await group.join(member, settings.startAt);
      const subscription = embeddedSubscription(group, member, signal, () => subscriptions.delete(subscription));
      subscriptions.add(subscription);
      return subscription;
    },
    close: async () => {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      unlisten();
    },
  };
}

function embeddedSubscription(group: EmbeddedGroup, member: EmbeddedMember, signal: WakeSignal, forget: () => void): Subscription {
  return {
    get paused() {
      return member.paused;
    },
    pause: () => {
      member.paused = true;
    },
    resume: () => {
      member.paused = false;
      signal.notify();
    },
    stop: async () => {
      member.stopping = true;
      group.leave(member);
      await member.idle();
      forget();
    },
  };
}
