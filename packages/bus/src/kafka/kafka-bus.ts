import { Kafka } from 'kafkajs';
import type { Bus, SubscribeOptions, Subscription } from '../bus';
import { BusError } from '../bus.error';
import { checkSubscribeOptions } from '../subscribe-defaults';
import { KAFKAJS_LOG_LEVELS, kafkaBusSettings, type KafkaBusOptions } from './kafka-bus.options';
import { createKafkaPublisher } from './kafka-publisher';
import { KafkaSubscription } from './kafka-subscription';

/** The bus on Kafka (kafkajs 2.2.4). Topics must exist: deployment creates them, the bus never does. */
export function createKafkaBus(options: KafkaBusOptions): Bus {
  const settings = kafkaBusSettings(options);
  const kafka = new Kafka({
    clientId: options.clientId ?? 'recado',
    brokers: [...options.brokers],
    logLevel: KAFKAJS_LOG_LEVELS[options.logLevel ?? 'error'],
  });
  const publisher = createKafkaPublisher(kafka, settings.producer);
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const open = (): void => {
    if (closed) throw new BusError('BUS_CLOSED', 'the bus is closed', false);
  };

  return {
    publish: async (messages) => {
      open();
      await publisher.publish(messages);
    },
    subscribe: async (subscribeOptions: SubscribeOptions) => {
      open();
      const subscription = new KafkaSubscription(kafka, settings, checkSubscribeOptions(subscribeOptions));
      const tracked: Subscription = {
        get paused() {
          return subscription.paused;
        },
        pause: () => subscription.pause(),
        resume: () => subscription.resume(),
        stop: async () => {
          subscriptions.delete(tracked);
          await subscription.stop();
        },
      };
      subscriptions.add(tracked);
      await subscription.start();
      return tracked;
    },
    close: async () => {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      await publisher.close();
    },
  };
}
